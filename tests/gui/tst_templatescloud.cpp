// SPDX-License-Identifier: GPL-3.0-or-later
// The Templates page on the real sandbox cloud: its Heat's resource types restrict the checks and
// the palette (the sandbox has no Octavia, whose types the bundled schemas know).
#include "../sandboxcloud.h"
#include "config/cloudsconfig.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "template/templateproblem.h"
#include "views/templatespage.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Pilvi;
using namespace Qt::StringLiterals;

class TestTemplatesCloud : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    KSyntaxHighlighting::Repository m_repository;

private Q_SLOTS:
    void initTestCase()
    {
        const CloudSelection selection = findSandboxCloud(QStringLiteral("sandbox"));
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        m_session = std::make_unique<Session>(*selection.cloud, &m_network);
    }

    void typesOfTheCloud()
    {
        TemplatesPage page(m_repository);
        page.show();
        page.setTemplateText(u"heat_template_version: 2021-04-16\nresources:\n  lb:\n    type: OS::Octavia::LoadBalancer\n"
                             u"    properties:\n      vip_subnet: sub\n"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page.isAnalysed(), 20000);
        const auto notFound = [&page] {
            const QList<TemplateProblem> problems = page.problems();
            return std::any_of(problems.cbegin(), problems.cend(), [](const TemplateProblem &problem) {
                return problem.message == u"The Resource Type (OS::Octavia::LoadBalancer) could not be found.";
            });
        };
        QVERIFY(!notFound()); // the bundled schemas know it
        QSignalSpy changed(&page, &TemplatesPage::resourceTypesChanged);
        page.setSession(m_session.get());
        QTRY_COMPARE_WITH_TIMEOUT(page.resourceTypesCloud(), u"sandbox"_s, 60000);
        const QStringList types = page.paletteTypes();
        QVERIFY(types.contains(u"OS::Heat::AutoScalingGroup"_s));
        QVERIFY(types.contains(u"OS::Nova::Server"_s));
        QVERIFY(!types.contains(u"OS::Octavia::LoadBalancer"_s));
        QTRY_VERIFY_WITH_TIMEOUT(page.isAnalysed() && notFound(), 20000);
        page.setSession(nullptr);
        QVERIFY(page.resourceTypesCloud().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(page.isAnalysed() && !notFound(), 20000);
    }

    void validatesOnTheCloudWithItsFiles()
    {
        // Heat accepts get_file only with the file's content in the request's `files` map.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&dir](const QString &name, const QByteArray &content) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
        };
        QVERIFY(write(u"boot.sh"_s, "#!/bin/sh\necho hello\n"));
        QVERIFY(write(u"good.yaml"_s,
                      "heat_template_version: 2021-04-16\nresources:\n  boot:\n"
                      "    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: boot.sh}\n"));
        QVERIFY(write(u"bad.yaml"_s, "heat_template_version: 2021-04-16\nresources:\n  boot:\n"
                                     "    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: boot.sh}\n"
                                     "  other:\n    type: OS::Heat::TestResource\n    properties:\n"
                                     "      value: {get_attr: [nowhere, output]}\n"));
        TemplatesPage page(m_repository);
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE_WITH_TIMEOUT(page.resourceTypesCloud(), u"sandbox"_s, 60000);
        auto *validate = page.findChild<QAction *>(u"validateOnServer"_s);
        QVERIFY(validate);
        auto *status = page.findChild<QLabel *>(u"templateStatus"_s);
        QVERIFY(status);

        QVERIFY(page.openFile(dir.filePath(u"good.yaml"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(page.isAnalysed(), 20000);
        validate->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(status->text() == u"The cloud's Heat accepts the template.", qPrintable(status->text()), 60000);

        QVERIFY(page.openFile(dir.filePath(u"bad.yaml"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(page.isAnalysed(), 20000);
        validate->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(status->text() == u"The cloud's Heat refuses the template.", qPrintable(status->text()), 60000);
        const QList<TemplateProblem> problems = page.problems();
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(),
                            [](const TemplateProblem &problem) { return problem.message.contains(u"nowhere"); }));
    }
};

QTEST_MAIN(TestTemplatesCloud)
#include "tst_templatescloud.moc"
