// SPDX-License-Identifier: GPL-3.0-or-later
// The job kinds against the real sandbox cloud: stack create, scale, delete, cancel; volume
// backup and restore; and a process killed mid-job whose job a fresh runner reconciles.
#include "cloudawait.h"
#include "config/cloudsconfig.h"
#include "jobs/backuprestorejob.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "jobs/objecttransferjob.h"
#include "jobs/scalesignaljob.h"
#include "jobs/stackcreatejob.h"
#include "jobs/stackdeletejob.h"
#include "jobs/volumebackupjob.h"
#include "models/joblistmodel.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "openstack/orchestration/orchestrationclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Pilvi;

namespace {

constexpr int jobTimeoutMs = 300000;

QByteArray asgTemplate()
{
    QFile file(QStringLiteral(PILVI_TEMPLATES "/asg.yaml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString logText(const JobJournal &journal, qint64 id)
{
    QStringList lines;
    const QList<JobLogLine> log = journal.log(id);
    for (const JobLogLine &line : log)
        lines << line.text;
    return lines.join(u'\n');
}

// The stack's status, or "GONE" when Heat no longer knows it.
QString stackStatus(Session *session, const QString &stack)
{
    try {
        return await(OrchestrationClient(session).showStack(stack)).status;
    } catch (const ApiError &error) {
        if (error.httpStatus() == 404)
            return QStringLiteral("GONE");
        throw;
    }
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT
private:
    QString m_clouds;
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
    std::unique_ptr<JobJournal> m_journal;
    std::unique_ptr<JobRunner> m_runner;
    QStringList m_stacksToDelete; // by id, whatever a failed test leaves

    Session *session() { return m_session.get(); }

    void makeRunner()
    {
        m_runner = std::make_unique<JobRunner>(m_journal.get(), [this](const QString &cloud) {
            return cloud == m_session->profile().name ? m_session.get() : nullptr;
        });
        registerCloudJobKinds(*m_runner);
        m_runner->setPollInterval(1000);
        m_runner->setMaxConcurrent(3);
    }

    // Runs a job to its end; returns its record.
    JobRecord run(const JobSpec &spec)
    {
        QSignalSpy finished(m_runner.get(), &JobRunner::jobFinished);
        const qint64 id = m_runner->submit(spec);
        if (id == 0)
            return {};
        QDeadlineTimer deadline(jobTimeoutMs);
        while (!deadline.hasExpired() && m_runner->isActive(id))
            finished.wait(1000);
        return m_journal->job(id).value_or(JobRecord{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_clouds = qEnvironmentVariable("PILVI_SANDBOX_CLOUDS");
        if (m_clouds.isEmpty() || !QFile::exists(m_clouds))
            QFAIL("the sandbox cloud is not up: run 'tools/sandbox-cloud up' (tools/dev test does) and set PILVI_SANDBOX_CLOUDS");
        CloudsConfigPaths paths;
        paths.sandboxFile = m_clouds;
        const CloudSelection selection = selectCloud(loadCloudsConfig(paths), QStringLiteral("sandbox"), {});
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        m_session = std::make_unique<Session>(*selection.cloud, &m_network);
        QVERIFY(!asgTemplate().isEmpty());
        m_journal = std::make_unique<JobJournal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(m_journal->isOpen(), qPrintable(m_journal->error()));
        makeRunner();
    }

    void cleanupTestCase()
    {
        for (const QString &id : std::as_const(m_stacksToDelete)) {
            try {
                const QString status = stackStatus(session(), id);
                if (status != u"GONE" && status != u"DELETE_COMPLETE")
                    awaitVoid(
                        OrchestrationClient(session()).deleteStack(await(OrchestrationClient(session()).showStack(id)).name, id));
            } catch (const ApiError &error) {
                qWarning() << "cleanup:" << error.toString();
            }
        }
    }

    void stackCreateScaleDelete()
    {
        StackCreateRequest create;
        create.name = unique("it-job-asg");
        create.templateText = asgTemplate();
        create.timeoutMinutes = 10;
        const JobRecord created = run(StackCreateJob::spec(QStringLiteral("sandbox"), create));
        const QString stackId = created.facts.value(QStringLiteral("stackId")).toString();
        if (!stackId.isEmpty())
            m_stacksToDelete << stackId;
        QVERIFY2(created.state == JobState::Succeeded, qPrintable(created.error + u'\n' + logText(*m_journal, created.id)));
        QCOMPARE(created.progressTotal, 2); // asg and scale_up
        QCOMPARE(created.progressDone, created.progressTotal);
        QCOMPARE(stackStatus(session(), stackId), QStringLiteral("CREATE_COMPLETE"));
        QVERIFY(logText(*m_journal, created.id).contains(QStringLiteral("asg CREATE_COMPLETE")));

        const JobRecord scaled =
            run(ScaleSignalJob::spec(QStringLiteral("sandbox"), create.name, QStringLiteral("scale_up"), QStringLiteral("asg")));
        QVERIFY2(scaled.state == JobState::Succeeded, qPrintable(scaled.error + u'\n' + logText(*m_journal, scaled.id)));
        const Stack after = await(OrchestrationClient(session()).showStack(stackId));
        const auto size =
            std::find_if(after.outputs.cbegin(), after.outputs.cend(), [](const StackOutput &o) { return o.key == u"size"; });
        QVERIFY(size != after.outputs.cend());
        QCOMPARE(size->value, QStringLiteral("2"));

        // Again: the first signal's SIGNAL_COMPLETE is before this job's marker, and must not end it.
        const JobRecord scaledAgain =
            run(ScaleSignalJob::spec(QStringLiteral("sandbox"), create.name, QStringLiteral("scale_up"), QStringLiteral("asg")));
        QVERIFY2(scaledAgain.state == JobState::Succeeded,
                 qPrintable(scaledAgain.error + u'\n' + logText(*m_journal, scaledAgain.id)));
        const Stack twice = await(OrchestrationClient(session()).showStack(stackId));
        const auto twiceSize =
            std::find_if(twice.outputs.cbegin(), twice.outputs.cend(), [](const StackOutput &o) { return o.key == u"size"; });
        QVERIFY(twiceSize != twice.outputs.cend());
        QCOMPARE(twiceSize->value, QStringLiteral("3"));

        const JobRecord deleted = run(StackDeleteJob::spec(QStringLiteral("sandbox"), create.name));
        QVERIFY2(deleted.state == JobState::Succeeded, qPrintable(deleted.error + u'\n' + logText(*m_journal, deleted.id)));
        QCOMPARE(deleted.progressDone, deleted.progressTotal);
        const QString status = stackStatus(session(), stackId);
        QVERIFY2(status == u"GONE" || status == u"DELETE_COMPLETE", qPrintable(status));

        // Deleting what is not there is done at once.
        const JobRecord again = run(StackDeleteJob::spec(QStringLiteral("sandbox"), create.name));
        QVERIFY2(again.state == JobState::Succeeded, qPrintable(again.error + u'\n' + logText(*m_journal, again.id)));
        const QString log = logText(*m_journal, again.id);
        QVERIFY2(log.contains(QStringLiteral("nothing to delete")) || log.contains(QStringLiteral("already deleted")),
                 qPrintable(log));
    }

    void cancelledCreateDeletesTheStack()
    {
        StackCreateRequest create;
        create.name = unique("it-job-cancel");
        create.templateText = asgTemplate();
        QSignalSpy finished(m_runner.get(), &JobRunner::jobFinished);
        const qint64 id = m_runner->submit(StackCreateJob::spec(QStringLiteral("sandbox"), create));
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_runner->isActive(id) ||
                !m_journal->job(id).value_or(JobRecord{}).facts.value(QStringLiteral("stackId")).toString().isEmpty(),
            120000);
        QVERIFY2(m_runner->isActive(id),
                 qPrintable(m_journal->job(id).value_or(JobRecord{}).error + u'\n' + logText(*m_journal, id)));
        const QString stackId = m_journal->job(id).value_or(JobRecord{}).facts.value(QStringLiteral("stackId")).toString();
        m_stacksToDelete << stackId;
        m_runner->cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(!m_runner->isActive(id), jobTimeoutMs);
        const JobRecord record = m_journal->job(id).value_or(JobRecord{});
        QVERIFY2(record.state == JobState::Cancelled, qPrintable(record.error + u'\n' + logText(*m_journal, id)));
        QVERIFY(logText(*m_journal, id).contains(QStringLiteral("the stack is deleted")));
        const QString status = stackStatus(session(), stackId);
        QVERIFY2(status == u"GONE" || status == u"DELETE_COMPLETE", qPrintable(status));
    }

    void volumeBackupAndRestore()
    {
        try {
            volumeBackupAndRestoreBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void killedMidJobIsReconciled()
    {
        const QString stackName = unique("it-job-crash");
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QString journalPath = m_dir.filePath(QStringLiteral("crash.sqlite"));
        helper.start(QStringLiteral(PILVI_CRASH_HELPER),
                     {m_clouds, QStringLiteral("sandbox"), journalPath, stackName, QStringLiteral(PILVI_TEMPLATES "/asg.yaml")});
        QVERIFY(helper.waitForStarted());
        QVERIFY(helper.waitForReadyRead(60000));
        const qint64 id = helper.readLine().trimmed().toLongLong();
        QVERIFY(id > 0);

        // Watch the journal over a connection of our own until the job runs and Heat has taken
        // the stack (the job recorded its id); then kill the process, as a crash would.
        JobJournal watcher(journalPath);
        QVERIFY(watcher.isOpen());
        QTRY_VERIFY_WITH_TIMEOUT(
            watcher.job(id) && watcher.job(id).value_or(JobRecord{}).state == JobState::Running &&
                !watcher.job(id).value_or(JobRecord{}).facts.value(QStringLiteral("stackId")).toString().isEmpty(),
            60000);
        const QString stackId = watcher.job(id).value_or(JobRecord{}).facts.value(QStringLiteral("stackId")).toString();
        m_stacksToDelete << stackId;
        QCOMPARE(helper.state(), QProcess::Running);
        QVERIFY(::kill(static_cast<pid_t>(helper.processId()), SIGKILL) == 0);
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
        QCOMPARE(helper.exitCode(), SIGKILL);
        QCOMPARE(watcher.job(id).value_or(JobRecord{}).state, JobState::Running); // what the killed process left

        // A fresh runner on the same journal, as the restarted app has it.
        JobJournal journal(journalPath);
        JobRunner runner(&journal,
                         [this](const QString &cloud) { return cloud == m_session->profile().name ? m_session.get() : nullptr; });
        registerCloudJobKinds(runner);
        runner.setPollInterval(1000);
        QSignalSpy summary(&runner, &JobRunner::reconcileFinished);
        QCOMPARE(runner.reconcile(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(summary.size(), 1, 60000);
        QCOMPARE(summary.at(0).at(0).value<QList<JobRecord>>().at(0).id, id);
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(id), jobTimeoutMs);
        const JobRecord record = journal.job(id).value_or(JobRecord{});
        const QString log = logText(journal, id);
        QVERIFY2(record.state == JobState::Succeeded, qPrintable(record.error + u'\n' + log));
        QVERIFY2(log.contains(QStringLiteral("Reconciled after a restart")), qPrintable(log));
        QCOMPARE(record.progressDone, record.progressTotal);
        QCOMPARE(stackStatus(session(), stackId), QStringLiteral("CREATE_COMPLETE"));

        const JobRecord deleted = run(StackDeleteJob::spec(QStringLiteral("sandbox"), stackName));
        QCOMPARE(deleted.state, JobState::Succeeded);
    }

    // A folder and a file go up as one job (a file over the segment size as a large object),
    // and come down again as one job, byte for byte.
    void objectFolderUploadAndDownload()
    {
        try {
            objectFolderUploadAndDownloadBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // A transfer whose process died: the restart looks at what arrived.
    void objectTransferIsReconciled()
    {
        try {
            objectTransferIsReconciledBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
    }

    void emptyAndDelete(const QStringList &containers)
    {
        ObjectStorageClient swift(session());
        for (const QString &container : containers) {
            try {
                const QList<ObjectEntry> objects = await(swift.listObjects(container));
                for (const ObjectEntry &object : objects)
                    awaitVoid(swift.deleteObject(container, object.name));
                awaitVoid(swift.deleteContainer(container));
            } catch (const ApiError &error) {
                qWarning() << "cleanup:" << error.toString();
            }
        }
    }

    void objectFolderUploadAndDownloadBody()
    {
        ObjectStorageClient swift(session());
        const QString container = unique("it-job-objects");
        awaitVoid(swift.createContainer(container));
        const auto cleanup = qScopeGuard([&] { emptyAndDelete({container, ObjectStorageClient::segmentsContainer(container)}); });
        QTemporaryDir local;
        const QByteArray big = QByteArray(qsizetype(3) * 1024 * 1024 + 5, 'b') + "end";
        QVERIFY(writeFile(local.filePath(QStringLiteral("site/index.html")), "<h1>hello</h1>"));
        QVERIFY(writeFile(local.filePath(QStringLiteral("site/css/style.css")), "h1 { color: red }"));
        QVERIFY(writeFile(local.filePath(QStringLiteral("site/media/big.bin")), big));
        QVERIFY(writeFile(local.filePath(QStringLiteral("notes.txt")), "notes"));

        const JobRecord up = run(ObjectUploadJob::spec(
            QStringLiteral("sandbox"), container, QStringLiteral("web/"),
            {local.filePath(QStringLiteral("site")), local.filePath(QStringLiteral("notes.txt"))}, qint64(1024) * 1024));
        QVERIFY2(up.state == JobState::Succeeded, qPrintable(up.error + u'\n' + logText(*m_journal, up.id)));
        QCOMPARE(up.progressDone, up.progressTotal);
        QCOMPARE(up.progressTotal, (big.size() + 14 + 17 + 5 + 1023) / 1024);
        QCOMPARE(JobListModel::progressText(up),
                 QStringLiteral("%1 / %1").arg(QLocale().formattedDataSize(qint64(up.progressTotal) * 1024)));

        QStringList names;
        const QList<ObjectEntry> objects = await(swift.listObjects(container));
        for (const ObjectEntry &object : objects)
            names << object.name;
        QCOMPARE(names, (QStringList{QStringLiteral("web/notes.txt"), QStringLiteral("web/site/css/style.css"),
                                     QStringLiteral("web/site/index.html"), QStringLiteral("web/site/media/big.bin")}));
        QVERIFY(await(swift.objectInfo(container, QStringLiteral("web/site/media/big.bin"))).isLargeObject);
        QCOMPARE(await(swift.objectInfo(container, QStringLiteral("web/site/index.html"))).contentType,
                 QStringLiteral("text/html"));

        QTemporaryDir back;
        const JobRecord down =
            run(ObjectDownloadJob::spec(QStringLiteral("sandbox"), container, back.path(), {{QStringLiteral("web/notes.txt"), 5}},
                                        {QStringLiteral("web/site/")}));
        QVERIFY2(down.state == JobState::Succeeded, qPrintable(down.error + u'\n' + logText(*m_journal, down.id)));
        QCOMPARE(readFile(back.filePath(QStringLiteral("notes.txt"))), QByteArray("notes"));
        QCOMPARE(readFile(back.filePath(QStringLiteral("site/index.html"))), QByteArray("<h1>hello</h1>"));
        QCOMPARE(readFile(back.filePath(QStringLiteral("site/css/style.css"))), QByteArray("h1 { color: red }"));
        QVERIFY(readFile(back.filePath(QStringLiteral("site/media/big.bin"))) == big);
    }

    void objectTransferIsReconciledBody()
    {
        ObjectStorageClient swift(session());
        const QString container = unique("it-job-reconcile");
        awaitVoid(swift.createContainer(container));
        const auto cleanup = qScopeGuard([&] { emptyAndDelete({container}); });
        QTemporaryDir local;
        QVERIFY(writeFile(local.filePath(QStringLiteral("a.txt")), "first"));
        QVERIFY(writeFile(local.filePath(QStringLiteral("b.txt")), "second"));
        // An object of the same size from before the job is not its work.
        awaitVoid(swift.putObject(container, QStringLiteral("b.txt"), "SECOND"));
        QTest::qWait(2100); // Swift's Last-Modified has whole seconds, rounded up

        // What a process killed mid-upload leaves in the journal: running, its files listed.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        const QString journalPath = m_dir.filePath(QStringLiteral("transfer.sqlite"));
        JobJournal journal(journalPath);
        const auto leaveRunning = [&](const QStringList &files) {
            const qint64 id = journal.addJob(ObjectUploadJob::spec(QStringLiteral("sandbox"), container, {}, files));
            journal.setState(id, JobState::Running, {}, deadPid);
            journal.addFacts(id, QJsonObject{{QStringLiteral("files"), ObjectUploadJob::filesToUpload({}, files)},
                                             {QStringLiteral("done"), 0}});
            return id;
        };
        const qint64 partly = leaveRunning({local.filePath(QStringLiteral("a.txt")), local.filePath(QStringLiteral("b.txt"))});
        const qint64 whole = leaveRunning({local.filePath(QStringLiteral("a.txt"))});
        awaitVoid(swift.putObject(container, QStringLiteral("a.txt"), "first")); // what the killed job had sent

        JobRunner runner(&journal,
                         [this](const QString &cloud) { return cloud == m_session->profile().name ? m_session.get() : nullptr; });
        registerCloudJobKinds(runner);
        QSignalSpy summary(&runner, &JobRunner::reconcileFinished);
        QCOMPARE(runner.reconcile(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(summary.size(), 1, 60000);
        QTRY_VERIFY(!runner.isActive(partly) && !runner.isActive(whole));
        const JobRecord interrupted = journal.job(partly).value_or(JobRecord{});
        QCOMPARE(interrupted.state, JobState::Interrupted);
        QVERIFY2(interrupted.error.startsWith(QStringLiteral("1 of 2 files were transferred")), qPrintable(interrupted.error));
        const JobRecord complete = journal.job(whole).value_or(JobRecord{});
        QCOMPARE(complete.state, JobState::Succeeded);
        QVERIFY2(logText(journal, whole).contains(QStringLiteral("all 1 files are where they should be")),
                 qPrintable(logText(journal, whole)));
    }

private:
    void volumeBackupAndRestoreBody()
    {
        BlockStorageClient cinder(session());
        const Volume volume = await(cinder.createVolume(unique("it-job-vol"), 1, QStringLiteral("jobs integration test")));
        QStringList volumes{volume.id};
        QString backupId;
        const auto cleanUp = qScopeGuard([&] {
            try {
                if (!backupId.isEmpty()) {
                    awaitVoid(cinder.deleteBackup(backupId));
                }
                for (const QString &v : std::as_const(volumes))
                    awaitVoid(cinder.deleteVolume(v));
            } catch (const ApiError &error) {
                qWarning() << "cleanup:" << error.toString();
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(await(cinder.showVolume(volume.id)).status, QStringLiteral("available"), 120000);

        const JobRecord backup = run(VolumeBackupJob::spec(QStringLiteral("sandbox"), volume.id, unique("it-job-backup"), false));
        backupId = backup.facts.value(QStringLiteral("backupId")).toString();
        QVERIFY2(backup.state == JobState::Succeeded, qPrintable(backup.error + u'\n' + logText(*m_journal, backup.id)));
        QCOMPARE(await(cinder.showBackup(backupId)).status, QStringLiteral("available"));
        QCOMPARE(backup.progressDone, 1);

        const QString restoredName = unique("it-job-restored");
        const JobRecord restore = run(BackupRestoreJob::spec(QStringLiteral("sandbox"), backupId, QString(), restoredName));
        const QString restored = restore.facts.value(QStringLiteral("volumeId")).toString();
        if (!restored.isEmpty())
            volumes.prepend(restored);
        QVERIFY2(restore.state == JobState::Succeeded, qPrintable(restore.error + u'\n' + logText(*m_journal, restore.id)));
        const Volume restoredVolume = await(cinder.showVolume(restored));
        QCOMPARE(restoredVolume.status, QStringLiteral("available"));
        QCOMPARE(restoredVolume.name, restoredName);
        QCOMPARE(restoredVolume.sizeGb, 1);
        // The backup is free again (not "restoring") before the volumes go: the guard deletes it.
        QCOMPARE(await(cinder.showBackup(backupId)).status, QStringLiteral("available"));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
