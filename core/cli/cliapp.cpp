// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"

#include "cli/commands.h"
#include "cli/outputtable.h"
#include "cli/stackjobcommands.h"
#include "cli/templatecommand.h"
#include "cli/templategraphcommand.h"
#include "config/cloudsconfig.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "net/tokencache.h"
#include "util/version.h"

#include <QTextStream>

namespace Pilvi {

namespace {

const char usageHead[] = R"(Usage: pilvi-cli [GLOBAL OPTIONS] COMMAND [OPTIONS]

Pilvi's headless side: the same core as the Pilvi desktop app, for scripts, cron and CI.

Global options:
  --os-cloud NAME     the cloud from clouds.yaml to use (default: OS_CLOUD, else the OS_*
                      variables of an openrc file)
  --os-auth-url URL, --os-username NAME, --os-password PASSWORD, --os-project-name NAME,
  --os-region-name NAME, ... (any OS_* variable as --os-*): override the environment
  --no-token-cache    do not keep the token between runs
  -h, --help          show this help and exit
  --version           show the version and exit

Commands:
  cloud list                the clouds Pilvi can use (clouds.yaml and the sandbox cloud)
  stack create NAME -t FILE [-e ENV] [--parameter KEY=VALUE]... [--timeout MIN]
               [--enable-rollback] [--wait] [--dry-run]
                            create a stack as a job (--dry-run: Heat's stack preview
                            validates it and creates nothing)
  stack delete NAME [--wait] [--confirm NAME]
                            delete a stack as a job (production clouds need --confirm NAME)
  template graph FILE [--svg OUT] [--rankdir TB|LR|BT|RL]
                            a Heat template's resource graph, as SVG (no cloud needed)
  template validate FILE [-e ENV]...
                            check a Heat template offline (no cloud needed): one problem a
                            line, FILE:LINE:COLUMN: error|warning: message; exit 1 on errors
)";

const char usageTail[] = R"(
Command options:
  -f, --format table|json   output format (default: table)

Exit status: 0 success, 1 error, 2 usage error.
)";

QString usageText()
{
    QString text = QString::fromLatin1(usageHead);
    for (const CloudCommand &command : cloudCommands()) {
        const QString words = (command.words + command.arguments).join(u' ');
        text += QStringLiteral("  %1 %2\n").arg(words.leftJustified(25), command.summary);
    }
    return text + QString::fromLatin1(usageTail);
}

struct CommandLine {
    QString cloud;
    QStringList command;
    OutputTable::Format format = OutputTable::Format::Table;
    bool tokenCache = true;
    QProcessEnvironment environment; // the caller's, with --os-* options applied as OS_* variables
};

int usageError(QTextStream &err, const QString &message)
{
    err << "pilvi-cli: " << message << "\nTry 'pilvi-cli --help'.\n";
    return CliUsage;
}

int cloudList(const CommandLine &line, const QProcessEnvironment &environment, const QString &workingDirectory, QTextStream &out,
              QTextStream &err)
{
    const CloudsConfig config = loadCloudsConfig(CloudsConfigPaths::fromEnvironment(environment, workingDirectory));
    for (const ConfigProblem &problem : config.problems)
        err << problem.toString() << '\n';
    OutputTable table({QStringLiteral("Name"), QStringLiteral("Environment"), QStringLiteral("Auth URL"),
                       QStringLiteral("Region"), QStringLiteral("Project"), QStringLiteral("File")});
    for (const CloudProfile &cloud : config.clouds) {
        table.addRow({cloud.name, environmentKey(cloud.environment), cloud.auth.authUrl, cloud.regionName, cloud.auth.projectName,
                      cloud.sourceFile});
    }
    table.print(out, line.format);
    return config.problems.isEmpty() ? CliSuccess : CliError;
}

// The profile the command runs against: --os-cloud or OS_CLOUD from clouds.yaml, else the OS_*
// variables (the "envvars" cloud).
std::optional<CloudProfile> resolveProfile(const CommandLine &line, const QString &workingDirectory, QTextStream &err)
{
    const CloudsConfig config = loadCloudsConfig(CloudsConfigPaths::fromEnvironment(line.environment, workingDirectory));
    const CloudSelection selection = selectCloud(config, line.cloud, line.environment);
    if (!selection.cloud) {
        for (const ConfigProblem &problem : config.problems)
            err << problem.toString() << '\n';
        err << "pilvi-cli: " << selection.error << '\n';
        return std::nullopt;
    }
    return selection.cloud;
}

int runCloudCommand(const CloudCommand &command, const QStringList &positional, const CommandLine &line,
                    const QString &workingDirectory, QTextStream &out, QTextStream &err)
{
    const std::optional<CloudProfile> profile = resolveProfile(line, workingDirectory, err);
    if (!profile)
        return CliError;
    if (!profile->verify)
        err << "pilvi-cli: warning: TLS certificates of cloud '" << profile->name << "' are not verified (verify: false)\n";
    NetworkAccess network;
    TokenCache cache;
    Session session(*profile, &network, line.tokenCache ? &cache : nullptr);
    OutputTable table;
    try {
        const int status = command.run(session, positional, table);
        table.print(out, line.format);
        return status;
    } catch (const ApiError &error) {
        err << "pilvi-cli: " << error.toString() << '\n';
        return CliError;
    }
}

int runStackJob(const StackJobCommand &job, const CommandLine &line, const QString &workingDirectory, QTextStream &out,
                QTextStream &err)
{
    const std::optional<CloudProfile> profile = resolveProfile(line, workingDirectory, err);
    if (!profile)
        return CliError;
    NetworkAccess network;
    TokenCache cache;
    Session session(*profile, &network, line.tokenCache ? &cache : nullptr);
    return runStackJobCommand(job, session, jobJournalPath(line.environment), workingDirectory, out, err);
}

} // namespace

int runCli(const QStringList &arguments, const QProcessEnvironment &environment, const QString &workingDirectory,
           QTextStream &out, QTextStream &err)
{
    CommandLine line;
    line.environment = environment;

    // Global options stop at the first word that is not an option: that is the command.
    qsizetype i = 0;
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == u"-h" || arg == u"--help") {
            out << usageText();
            return CliSuccess;
        }
        if (arg == u"--version") {
            out << "pilvi-cli " << versionString << '\n';
            return CliSuccess;
        }
        if (arg == u"--os-cloud" || arg.startsWith(u"--os-cloud=")) {
            if (arg.contains(u'='))
                line.cloud = arg.section(u'=', 1);
            else if (++i < arguments.size())
                line.cloud = arguments[i];
            else
                return usageError(err, QStringLiteral("--os-cloud needs a cloud name"));
            continue;
        }
        if (arg == u"--no-token-cache") {
            line.tokenCache = false;
            continue;
        }
        if (arg == u"--insecure") {
            line.environment.insert(QStringLiteral("OS_INSECURE"), QStringLiteral("true"));
            continue;
        }
        if (arg.startsWith(u"--os-")) {
            // --os-project-name X is OS_PROJECT_NAME=X, as in the openstack CLI.
            const QString name = arg.section(u'=', 0, 0).mid(2).toUpper().replace(u'-', u'_');
            QString value;
            if (arg.contains(u'='))
                value = arg.section(u'=', 1);
            else if (++i < arguments.size())
                value = arguments[i];
            else
                return usageError(err, QStringLiteral("%1 needs a value").arg(arg));
            line.environment.insert(name, value);
            continue;
        }
        if (arg.startsWith(u'-'))
            return usageError(err, QStringLiteral("unknown global option '%1'").arg(arg));
        break;
    }
    // Stack jobs take their own options (the openstack CLI's): -t, -e, --parameter, --wait...
    QString stackJobError;
    if (const std::optional<StackJobCommand> job = parseStackJobCommand(arguments.mid(i), &stackJobError)) {
        if (!stackJobError.isEmpty())
            return usageError(err, stackJobError);
        if (line.cloud.isEmpty())
            line.cloud = line.environment.value(QStringLiteral("OS_CLOUD"));
        return runStackJob(*job, line, workingDirectory, out, err);
    }
    // Local commands need no cloud and read their own options.
    if (const QStringList local = arguments.mid(i);
        local.mid(0, 2) == QStringList{QStringLiteral("template"), QStringLiteral("graph")})
        return runTemplateGraph(local.mid(2), workingDirectory, out, err);
    // Local commands need no cloud and take their own options (-e ENV...).
    if (i < arguments.size() && arguments[i] == u"template")
        return runTemplateCommand(arguments.mid(i + 1), workingDirectory, out, err);
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == u"-f" || arg == u"--format" || arg.startsWith(u"--format=")) {
            QString value;
            if (arg.contains(u'='))
                value = arg.section(u'=', 1);
            else if (++i < arguments.size())
                value = arguments[i];
            if (value == u"table")
                line.format = OutputTable::Format::Table;
            else if (value == u"json")
                line.format = OutputTable::Format::Json;
            else
                return usageError(err, QStringLiteral("--format takes table or json, not '%1'").arg(value));
            continue;
        }
        if (arg.startsWith(u'-'))
            return usageError(err, QStringLiteral("unknown option '%1'").arg(arg));
        line.command.append(arg);
    }

    if (line.command.isEmpty())
        return usageError(err, QStringLiteral("no command given"));
    if (line.cloud.isEmpty())
        line.cloud = line.environment.value(QStringLiteral("OS_CLOUD"));
    if (line.command == QStringList{QStringLiteral("cloud"), QStringLiteral("list")})
        return cloudList(line, line.environment, workingDirectory, out, err);
    for (const CloudCommand &command : cloudCommands()) {
        if (line.command.mid(0, command.words.size()) != command.words)
            continue;
        const QStringList positional = line.command.mid(command.words.size());
        if (positional.size() != command.arguments.size()) {
            return usageError(err,
                              QStringLiteral("'%1' takes %2")
                                  .arg(command.words.join(u' '), command.arguments.isEmpty() ? QStringLiteral("no arguments")
                                                                                             : command.arguments.join(u' ')));
        }
        return runCloudCommand(command, positional, line, workingDirectory, out, err);
    }
    return usageError(err, QStringLiteral("unknown command '%1'").arg(line.command.join(u' ')));
}

} // namespace Pilvi
