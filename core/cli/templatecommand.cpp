// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/templatecommand.h"

#include "cli/cliapp.h"
#include "template/templatevalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

int usage(QTextStream &err, const QString &message)
{
    err << "pilvi-cli: " << message << "\nTry 'pilvi-cli --help'.\n";
    return CliUsage;
}

// A path as the user wrote it, made to work from the caller's working directory.
QString resolvedName(const QString &path, const QString &workingDirectory)
{
    if (QFileInfo(path).isAbsolute() || workingDirectory.isEmpty() || QDir(workingDirectory) == QDir::current())
        return path;
    return QDir(workingDirectory).filePath(path);
}

QJsonObject toJson(const TemplateProblem &p)
{
    return {{u"file"_s, p.file},
            {u"line"_s, p.range.start.line},
            {u"column"_s, p.range.start.column},
            {u"end_line"_s, p.range.end.line},
            {u"end_column"_s, p.range.end.column},
            {u"severity"_s, p.isError() ? u"error"_s : u"warning"_s},
            {u"message"_s, p.message}};
}

} // namespace

int runTemplateCommand(const QStringList &arguments, const QString &workingDirectory, QTextStream &out, QTextStream &err)
{
    if (arguments.value(0) != "validate"_L1)
        return usage(err, u"unknown command 'template %1' (template validate FILE [-e ENV]...)"_s.arg(arguments.value(0)));
    QString file;
    QStringList environments;
    bool json = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        const auto value = [&](const QString &option) -> std::optional<QString> {
            if (arg.contains(u'=') && arg.startsWith("--"_L1))
                return arg.section(u'=', 1);
            if (++i < arguments.size())
                return arguments[i];
            usage(err, u"%1 needs a value"_s.arg(option));
            return std::nullopt;
        };
        if (arg == "-e"_L1 || arg == "--environment"_L1 || arg.startsWith("--environment="_L1)) {
            const std::optional<QString> v = value(u"--environment"_s);
            if (!v)
                return CliUsage;
            environments.append(*v);
        } else if (arg == "-f"_L1 || arg == "--format"_L1 || arg.startsWith("--format="_L1)) {
            const std::optional<QString> v = value(u"--format"_s);
            if (!v)
                return CliUsage;
            if (*v != "json"_L1 && *v != "text"_L1 && *v != "table"_L1)
                return usage(err, u"--format takes text or json, not '%1'"_s.arg(*v));
            json = *v == "json"_L1;
        } else if (arg.startsWith(u'-') && arg.size() > 1) {
            return usage(err, u"unknown option '%1'"_s.arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            return usage(err, u"'template validate' takes one template file"_s);
        }
    }
    if (file.isEmpty())
        return usage(err, u"'template validate' takes FILE"_s);

    const QString templatePath = resolvedName(file, workingDirectory);
    QFile templateFile(templatePath);
    if (!templateFile.open(QIODevice::ReadOnly)) {
        err << "pilvi-cli: cannot read " << file << ": " << templateFile.errorString() << '\n';
        return CliError;
    }
    TemplateValidator validator;
    for (const QString &env : std::as_const(environments)) {
        const QString envPath = resolvedName(env, workingDirectory);
        QFile envFile(envPath);
        if (!envFile.open(QIODevice::ReadOnly)) {
            err << "pilvi-cli: cannot read " << env << ": " << envFile.errorString() << '\n';
            return CliError;
        }
        validator.addEnvironment(envPath, envFile.readAll());
    }
    const QList<TemplateProblem> problems = validator.validate(templatePath, templateFile.readAll());

    bool anyError = false;
    QJsonArray list;
    for (const TemplateProblem &p : problems) {
        anyError = anyError || p.isError();
        if (json)
            list.append(toJson(p));
        else
            out << p.file << ':' << p.range.start.line << ':' << p.range.start.column << ": "
                << (p.isError() ? "error" : "warning") << ": " << p.message << '\n';
    }
    if (json)
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return anyError ? CliError : CliSuccess;
}

} // namespace Pilvi
