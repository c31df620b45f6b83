// SPDX-License-Identifier: GPL-3.0-or-later
// For tst_jobs' crash test: starts a StackCreate job through a JobRunner with its journal, and
// runs until the job ends, or until the test kills it with SIGKILL mid-job (the point).
// Usage: jobcrashhelper CLOUDS_YAML CLOUD JOURNAL STACK_NAME TEMPLATE
#include "config/cloudsconfig.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "jobs/stackcreatejob.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace Pilvi;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 6) {
        err << "usage: jobcrashhelper CLOUDS_YAML CLOUD JOURNAL STACK_NAME TEMPLATE\n";
        return 2;
    }
    CloudsConfigPaths paths;
    paths.sandboxFile = args[1];
    const CloudSelection selection = selectCloud(loadCloudsConfig(paths), args[2], {});
    if (!selection.cloud) {
        err << selection.error << '\n';
        return 1;
    }
    QFile templateFile(args[5]);
    if (!templateFile.open(QIODevice::ReadOnly)) {
        err << "cannot read " << args[5] << '\n';
        return 1;
    }
    NetworkAccess network;
    Session session(*selection.cloud, &network);
    JobJournal journal(args[3]);
    if (!journal.isOpen()) {
        err << journal.error() << '\n';
        return 1;
    }
    JobRunner runner(&journal, [&](const QString &cloud) { return cloud == session.profile().name ? &session : nullptr; });
    registerCloudJobKinds(runner);
    runner.setPollInterval(1000);
    QObject::connect(&runner, &JobRunner::jobFinished, &app,
                     [](const JobRecord &record) { QCoreApplication::exit(record.state == JobState::Succeeded ? 0 : 1); });

    StackCreateRequest create;
    create.name = args[4];
    create.templateText = templateFile.readAll();
    create.timeoutMinutes = 10;
    const qint64 id = runner.submit(StackCreateJob::spec(selection.cloud->name, create));
    if (id == 0)
        return 1;
    QTextStream(stdout) << id << Qt::endl;
    return QCoreApplication::exec();
}
