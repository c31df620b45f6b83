// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"

#include "cli/outputtable.h"
#include "config/cloudsconfig.h"
#include "util/version.h"

#include <QTextStream>

namespace Pilvi {

namespace {

const char usageText[] = R"(Usage: pilvi-cli [GLOBAL OPTIONS] COMMAND [OPTIONS]

Pilvi's headless side: the same core as the Pilvi desktop app, for scripts, cron and CI.

Global options:
  --os-cloud NAME     the cloud from clouds.yaml to use (default: OS_CLOUD)
  -h, --help          show this help and exit
  --version           show the version and exit

Commands:
  cloud list          the clouds Pilvi can use (clouds.yaml and the sandbox cloud)

Command options:
  -f, --format table|json   output format (default: table)

Exit status: 0 success, 1 error, 2 usage error.
)";

struct CommandLine {
    QString cloud;
    QStringList command;
    OutputTable::Format format = OutputTable::Format::Table;
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

} // namespace

int runCli(const QStringList &arguments, const QProcessEnvironment &environment, const QString &workingDirectory,
           QTextStream &out, QTextStream &err)
{
    CommandLine line;
    line.cloud = environment.value(QStringLiteral("OS_CLOUD"));

    // Global options stop at the first word that is not an option: that is the command.
    qsizetype i = 0;
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == u"-h" || arg == u"--help") {
            out << usageText;
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
        if (arg.startsWith(u'-'))
            return usageError(err, QStringLiteral("unknown global option '%1'").arg(arg));
        break;
    }
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
    if (line.command == QStringList{QStringLiteral("cloud"), QStringLiteral("list")})
        return cloudList(line, environment, workingDirectory, out, err);
    return usageError(err, QStringLiteral("unknown command '%1'").arg(line.command.join(u' ')));
}

} // namespace Pilvi
