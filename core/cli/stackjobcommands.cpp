// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/stackjobcommands.h"

#include "cli/cliapp.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "jobs/stackcreatejob.h"
#include "jobs/stackdeletejob.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace Pilvi {

namespace {

// Every `get_file: PATH` in the template, read relative to the template's folder and keyed as
// written, which is how Heat looks them up in the files map.
bool collectFiles(const YamlNode &node, const QDir &base, QMap<QString, QByteArray> &files, QString *error)
{
    if (node.isMapping()) {
        for (qsizetype i = 0; i < node.keys.size(); ++i) {
            const YamlNode &value = node.items[i];
            if (node.keys[i].scalar == u"get_file" && value.isScalar()) {
                QFile file(base.absoluteFilePath(value.scalar));
                if (!file.open(QIODevice::ReadOnly)) {
                    *error = QStringLiteral("cannot read %1 (get_file in the template)").arg(file.fileName());
                    return false;
                }
                files.insert(value.scalar, file.readAll());
            } else if (!collectFiles(value, base, files, error)) {
                return false;
            }
        }
    } else if (node.isSequence()) {
        for (const YamlNode &item : node.items) {
            if (!collectFiles(item, base, files, error))
                return false;
        }
    }
    return true;
}

std::optional<StackCreateRequest> buildRequest(const StackJobCommand &command, const QString &workingDirectory, QString *error)
{
    const QDir cwd(workingDirectory);
    QFile templateFile(cwd.absoluteFilePath(command.templateFile));
    if (!templateFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the template %1: %2").arg(templateFile.fileName(), templateFile.errorString());
        return std::nullopt;
    }
    StackCreateRequest request;
    request.name = command.name;
    request.templateText = templateFile.readAll();
    request.parameters = command.parameters;
    request.timeoutMinutes = command.timeoutMinutes;
    request.rollbackOnFailure = command.enableRollback;
    const YamlParseResult parsed = parseYaml(request.templateText);
    if (!parsed.root) {
        const YamlError first = parsed.errors.value(0);
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(templateFile.fileName())
                     .arg(first.position.line)
                     .arg(first.position.column)
                     .arg(first.message);
        return std::nullopt;
    }
    if (!collectFiles(*parsed.root, QFileInfo(templateFile).absoluteDir(), request.files, error))
        return std::nullopt;
    if (command.environmentFiles.size() > 1) {
        // Merging several needs Heat's environment_files, which OrchestrationClient does not send yet.
        *error = QStringLiteral("only one -e/--environment file is supported so far");
        return std::nullopt;
    }
    for (const QString &name : command.environmentFiles) {
        QFile file(cwd.absoluteFilePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the environment %1: %2").arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        request.environmentText = file.readAll();
    }
    return request;
}

// Heat's stack preview (POST /stacks/preview, what `openstack stack create --dry-run` calls): Heat
// validates the template, environment and parameters and resolves the resources, creating
// nothing. Kept here, not in OrchestrationClient, while that client is being extended in
// parallel; it moves there when the work is merged.
QFuture<QJsonArray> previewStack(Session &session, const StackCreateRequest &create)
{
    QJsonObject body{{QStringLiteral("stack_name"), create.name},
                     {QStringLiteral("template"), QString::fromUtf8(create.templateText)},
                     {QStringLiteral("disable_rollback"), !create.rollbackOnFailure}};
    QJsonObject parameters;
    for (auto it = create.parameters.cbegin(); it != create.parameters.cend(); ++it)
        parameters.insert(it.key(), it.value());
    body.insert(QStringLiteral("parameters"), parameters);
    QJsonObject files;
    for (auto it = create.files.cbegin(); it != create.files.cend(); ++it)
        files.insert(it.key(), QString::fromUtf8(it.value()));
    body.insert(QStringLiteral("files"), files);
    if (!create.environmentText.isEmpty())
        body.insert(QStringLiteral("environment"), QString::fromUtf8(create.environmentText));
    if (create.timeoutMinutes > 0)
        body.insert(QStringLiteral("timeout_mins"), create.timeoutMinutes);
    ServiceRequest request;
    request.serviceType = QStringLiteral("orchestration");
    request.method = "POST";
    request.path = QStringLiteral("/stacks/preview");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.what = QStringLiteral("preview stack %1").arg(create.name);
    request.idempotent = true; // creates nothing
    return session.send(request).then([](const HttpResponse &response) {
        const QJsonObject stack = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("stack")).toObject();
        // Resources come as a list, with nested stacks' resources as lists inside it.
        QJsonArray flat;
        QList<QJsonArray> pending{stack.value(QStringLiteral("resources")).toArray()};
        while (!pending.isEmpty()) {
            const auto batch = pending.takeFirst();
            for (const auto &item : batch) {
                if (item.isArray())
                    pending.append(item.toArray());
                else
                    flat.append(item);
            }
        }
        return flat;
    });
}

int dryRun(Session &session, const StackCreateRequest &create, QTextStream &out, QTextStream &err)
{
    QFuture<QJsonArray> preview = previewStack(session, create);
    preview.waitForFinished(); // pilvi-cli's main thread: nothing else to keep responsive
    try {
        const QJsonArray resources = preview.result();
        err << "pilvi-cli: dry run: Heat's stack preview accepted the template, environment and parameters; nothing was "
               "created.\n";
        out << "Resources stack " << create.name << " would have (" << resources.size() << "):\n";
        for (const auto &value : resources) {
            const QJsonObject r = value.toObject();
            out << "  " << r.value(QStringLiteral("resource_name")).toString() << "  "
                << r.value(QStringLiteral("resource_type")).toString() << '\n';
        }
        return CliSuccess;
    } catch (const ApiError &error) {
        err << "pilvi-cli: " << error.toString() << '\n';
        return CliError;
    }
}

// Prints each new log line with the job's progress, so CI logs show how far the job got.
class ProgressPrinter
{
public:
    ProgressPrinter(const JobJournal &journal, QTextStream &err, QString label)
        : m_journal(journal)
        , m_err(err)
        , m_label(std::move(label))
    {}

    void update(const JobRecord &record)
    {
        const QList<JobLogLine> log = m_journal.log(record.id);
        const QString progress = record.progressTotal > 0
                                     ? QStringLiteral("%1/%2").arg(record.progressDone).arg(record.progressTotal)
                                     : QStringLiteral("-");
        for (qsizetype i = m_printed; i < log.size(); ++i)
            m_err << m_label << " [" << progress << "] " << log[i].text << '\n';
        m_printed = log.size();
        m_err.flush();
    }

private:
    const JobJournal &m_journal;
    QTextStream &m_err;
    QString m_label;
    qsizetype m_printed = 0;
};

} // namespace

std::optional<StackJobCommand> parseStackJobCommand(const QStringList &words, QString *usageError)
{
    if (words.size() < 2 || words[0] != u"stack" || (words[1] != u"create" && words[1] != u"delete"))
        return std::nullopt;
    StackJobCommand command;
    command.kind = words[1] == u"create" ? StackJobCommand::Kind::Create : StackJobCommand::Kind::Delete;
    const bool create = command.kind == StackJobCommand::Kind::Create;
    QStringList positional;
    for (qsizetype i = 2; i < words.size(); ++i) {
        const QString &word = words[i];
        QString option = word;
        std::optional<QString> inlineValue;
        if (word.startsWith(u"--") && word.contains(u'=')) {
            option = word.section(u'=', 0, 0);
            inlineValue = word.section(u'=', 1);
        }
        const auto value = [&]() -> std::optional<QString> {
            if (inlineValue)
                return inlineValue;
            if (i + 1 < words.size())
                return words[++i];
            *usageError = QStringLiteral("%1 needs a value").arg(option);
            return std::nullopt;
        };
        if (create && (option == u"-t" || option == u"--template")) {
            const auto v = value();
            if (!v)
                return command;
            command.templateFile = *v;
        } else if (create && (option == u"-e" || option == u"--environment")) {
            const auto v = value();
            if (!v)
                return command;
            command.environmentFiles.append(*v);
        } else if (create && option == u"--parameter") {
            const auto v = value();
            if (!v)
                return command;
            if (!v->contains(u'=')) {
                *usageError = QStringLiteral("--parameter takes KEY=VALUE, not '%1'").arg(*v);
                return command;
            }
            command.parameters.insert(v->section(u'=', 0, 0), v->section(u'=', 1));
        } else if (create && option == u"--timeout") {
            const auto v = value();
            if (!v)
                return command;
            bool ok = false;
            command.timeoutMinutes = v->toInt(&ok);
            if (!ok || command.timeoutMinutes <= 0) {
                *usageError = QStringLiteral("--timeout takes minutes, not '%1'").arg(*v);
                return command;
            }
        } else if (create && option == u"--enable-rollback") {
            command.enableRollback = true;
        } else if (create && option == u"--dry-run") {
            command.dryRun = true;
        } else if (option == u"--wait") {
            command.wait = true;
        } else if (!create && option == u"--confirm") {
            const auto v = value();
            if (!v)
                return command;
            command.confirm = *v;
        } else if (option == u"-y" || option == u"--yes") {
            // The openstack CLI's "do not ask": pilvi-cli never asks; production needs --confirm.
        } else if (word.startsWith(u'-') && word.size() > 1) {
            *usageError = QStringLiteral("unknown option '%1' for 'stack %2'").arg(word, words[1]);
            return command;
        } else {
            positional.append(word);
        }
    }
    if (positional.size() != 1) {
        *usageError = QStringLiteral("'stack %1' takes one stack name").arg(words[1]);
        return command;
    }
    command.name = positional.constFirst();
    if (create && command.templateFile.isEmpty())
        *usageError = QStringLiteral("'stack create' needs a template: -t FILE");
    return command;
}

QString jobJournalPath(const QProcessEnvironment &environment)
{
    QString data = environment.value(QStringLiteral("XDG_DATA_HOME")).trimmed();
    if (data.isEmpty())
        data = environment.value(QStringLiteral("HOME")) + QStringLiteral("/.local/share");
    return data + QStringLiteral("/pilvi/journal.sqlite");
}

int runStackJobCommand(const StackJobCommand &command, Session &session, const QString &journalPath,
                       const QString &workingDirectory, QTextStream &out, QTextStream &err)
{
    const CloudProfile &profile = session.profile();
    const bool create = command.kind == StackJobCommand::Kind::Create;
    if (!create && profile.environment == Environment::Production && command.confirm != command.name) {
        err << "pilvi-cli: cloud '" << profile.name << "' is production: deleting stack '" << command.name << "' needs --confirm "
            << command.name << '\n';
        return CliError;
    }
    JobSpec spec;
    if (create) {
        QString error;
        const std::optional<StackCreateRequest> request = buildRequest(command, workingDirectory, &error);
        if (!request) {
            err << "pilvi-cli: " << error << '\n';
            return CliError;
        }
        if (command.dryRun)
            return dryRun(session, *request, out, err);
        spec = StackCreateJob::spec(profile.name, *request);
    } else {
        spec = StackDeleteJob::spec(profile.name, command.name);
    }

    JobJournal journal(journalPath);
    if (!journal.isOpen()) {
        err << "pilvi-cli: " << journal.error() << '\n';
        return CliError;
    }
    JobRunner runner(&journal, [&session](const QString &cloud) { return cloud == session.profile().name ? &session : nullptr; });
    registerCloudJobKinds(runner);
    ProgressPrinter printer(
        journal, err,
        QStringLiteral("stack %1 %2").arg(create ? QStringLiteral("create") : QStringLiteral("delete"), command.name));
    QEventLoop loop;
    qint64 id = 0;
    bool detached = false;
    // Without --wait, pilvi-cli leaves once Heat has taken the request, as the openstack CLI
    // does; the job stays "running" in the journal and the next Pilvi start follows it up.
    const QString handedOver = create ? QStringLiteral("stackId") : QStringLiteral("deleteSent");
    QObject::connect(&runner, &JobRunner::jobChanged, &loop, [&](const JobRecord &record) {
        if (record.id != id)
            return;
        printer.update(record);
        if (!command.wait && !isFinalState(record.state) && record.facts.contains(handedOver)) {
            detached = true;
            journal.appendLog(id, QStringLiteral("pilvi-cli left without waiting (no --wait); the next Pilvi start "
                                                 "checks how it ended."));
            loop.quit();
        }
    });
    QObject::connect(&runner, &JobRunner::jobFinished, &loop, [&](const JobRecord &record) {
        if (record.id == id)
            loop.quit();
    });
    id = runner.submit(spec);
    if (id == 0) {
        err << "pilvi-cli: the job journal " << journalPath << " cannot be written\n";
        return CliError;
    }
    if (runner.isActive(id))
        loop.exec();
    const JobRecord record = journal.job(id).value_or(JobRecord{});
    printer.update(record);
    out << "job " << id << ": " << (create ? "stack create " : "stack delete ") << command.name << ": "
        << (detached ? QStringLiteral("in progress (not waiting)") : jobStateKey(record.state));
    if (const QString stackId = record.facts.value(QStringLiteral("stackId")).toString(); !stackId.isEmpty())
        out << " (stack " << stackId << ')';
    out << '\n';
    if (detached || record.state == JobState::Succeeded)
        return CliSuccess;
    err << "pilvi-cli: " << (record.error.isEmpty() ? jobStateKey(record.state) : record.error) << '\n';
    return CliError;
}

} // namespace Pilvi
