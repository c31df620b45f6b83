// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Pilvi"));
    QCoreApplication::setApplicationName(QStringLiteral("pilvi-cli"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return Pilvi::runCli(arguments, QProcessEnvironment::systemEnvironment(), QDir::currentPath(), out, err);
}
