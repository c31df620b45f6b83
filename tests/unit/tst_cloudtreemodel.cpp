// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloudtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Pilvi;

Q_DECLARE_METATYPE(Pilvi::CloudProfile)

namespace {
CloudProfile cloud(const QString &name, Environment environment, const QString &region = {})
{
    CloudProfile profile;
    profile.name = name;
    profile.environment = environment;
    profile.regionName = region;
    return profile;
}

// The tree as text: "Group: a, b | Group: c", to compare whole states at once.
QString shape(const QAbstractItemModel &model)
{
    QStringList groups;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QStringList clouds;
        for (int c = 0; c < model.rowCount(group); ++c)
            clouds << model.index(c, 0, group).data(CloudTreeModel::NameRole).toString();
        groups << group.data(CloudTreeModel::NameRole).toString() + QStringLiteral(": ") + clouds.join(QStringLiteral(", "));
    }
    return groups.join(QStringLiteral(" | "));
}
} // namespace

class TestCloudTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsByEnvironmentInOrder()
    {
        CloudTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({cloud(QStringLiteral("prod-b"), Environment::Production),
                           cloud(QStringLiteral("dev"), Environment::Development),
                           cloud(QStringLiteral("prod-a"), Environment::Production)});
        QCOMPARE(shape(model), QStringLiteral("development: dev | production: prod-a, prod-b"));
        const QModelIndex production = model.index(1, 0);
        QCOMPARE(production.data().toString(), QStringLiteral("Production"));
        QCOMPARE(production.data(CloudTreeModel::CloudCountRole).toInt(), 2);
        QCOMPARE(production.data(CloudTreeModel::EnvironmentRole).value<Environment>(), Environment::Production);
        QVERIFY(model.profile(production) == nullptr);
        QCOMPARE(model.profile(model.index(0, 0, production))->name, QStringLiteral("prod-a"));
    }

    // A reload is applied as a diff: rows that stay keep their persistent indexes.
    void reloadIsADiff_data()
    {
        QTest::addColumn<QList<CloudProfile>>("before");
        QTest::addColumn<QList<CloudProfile>>("after");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<int>("resets");

        const auto dev = [](const char *n) { return cloud(QString::fromLatin1(n), Environment::Development); };
        const auto test = [](const char *n) { return cloud(QString::fromLatin1(n), Environment::Testing); };
        QTest::newRow("add in the middle") << QList{dev("a"), dev("c")} << QList{dev("a"), dev("b"), dev("c")}
                                           << QStringLiteral("development: a, b, c") << 0;
        QTest::newRow("remove and add") << QList{dev("a"), dev("b"), dev("c")} << QList{dev("b"), dev("d")}
                                        << QStringLiteral("development: b, d") << 0;
        QTest::newRow("new group before") << QList{test("t")} << QList{dev("a"), test("t")}
                                          << QStringLiteral("development: a | testing: t") << 0;
        QTest::newRow("group emptied") << QList{dev("a"), test("t")} << QList{test("t")} << QStringLiteral("testing: t") << 0;
        QTest::newRow("moved to another environment")
            << QList{dev("a"), dev("x")} << QList{dev("a"), test("x")} << QStringLiteral("development: a | testing: x") << 0;
        QTest::newRow("everything gone") << QList{dev("a"), test("t")} << QList<CloudProfile>{} << QString() << 0;
    }
    void reloadIsADiff()
    {
        QFETCH(QList<CloudProfile>, before);
        QFETCH(QList<CloudProfile>, after);
        QFETCH(QString, shape);
        QFETCH(int, resets);

        CloudTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles(before);
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        // Remember a cloud that stays, to prove its index follows it.
        QPersistentModelIndex kept;
        for (const CloudProfile &p : after) {
            const QModelIndex index = model.indexOfCloud(p.name);
            if (index.isValid() && model.profile(index)->environment == p.environment) {
                kept = index;
                break;
            }
        }
        model.setProfiles(after);
        QCOMPARE(::shape(model), shape);
        QCOMPARE(resetSpy.size(), resets);
        if (kept.isValid())
            QCOMPARE(kept, QPersistentModelIndex(model.indexOfCloud(kept.data().toString())));
    }

    void connectionStateSurvivesReload()
    {
        CloudTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles(
            {cloud(QStringLiteral("dev"), Environment::Development), cloud(QStringLiteral("prod"), Environment::Production)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        using State = CloudTreeModel::ConnectionState;
        model.setConnectionState(QStringLiteral("prod"), State::Failed, QStringLiteral("401: wrong secret"));
        QCOMPARE(changed.size(), 1);
        const QModelIndex prod = model.indexOfCloud(QStringLiteral("prod"));
        QCOMPARE(changed.constFirst().at(0).toModelIndex(), prod);
        QCOMPARE(prod.data(CloudTreeModel::ConnectionStateRole).toInt(), int(State::Failed));
        QVERIFY(prod.data(Qt::ToolTipRole).toString().contains(u"401: wrong secret"));
        model.setConnectionState(QStringLiteral("prod"), State::Failed, QStringLiteral("401: wrong secret"));
        QCOMPARE(changed.size(), 1); // no change, no signal

        // Several clouds connected at once; a reload keeps what each one is.
        model.setConnectionState(QStringLiteral("dev"), State::Connected, QStringLiteral("demo"));
        model.setProfiles({cloud(QStringLiteral("dev"), Environment::Development, QStringLiteral("RegionOne")),
                           cloud(QStringLiteral("prod"), Environment::Production)});
        QCOMPARE(model.connectionState(QStringLiteral("dev")), State::Connected);
        QCOMPARE(model.indexOfCloud(QStringLiteral("dev")).data(CloudTreeModel::ConnectionDetailRole).toString(),
                 QStringLiteral("demo"));
        QCOMPARE(model.connectionState(QStringLiteral("prod")), State::Failed);
        QCOMPARE(model.connectionState(QStringLiteral("unknown")), State::NotConnected);
    }

    void changedCloudEmitsDataChanged()
    {
        CloudTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({cloud(QStringLiteral("a"), Environment::Development, QStringLiteral("r1"))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setProfiles({cloud(QStringLiteral("a"), Environment::Development, QStringLiteral("r2"))});
        const QModelIndex a = model.indexOfCloud(QStringLiteral("a"));
        const bool sawCloudRow = std::any_of(changed.cbegin(), changed.cend(),
                                             [&](const QList<QVariant> &args) { return args[0].toModelIndex() == a; });
        QVERIFY(sawCloudRow);
        QCOMPARE(a.data(CloudTreeModel::RegionRole).toString(), QStringLiteral("r2"));
    }
};

QTEST_GUILESS_MAIN(TestCloudTreeModel)
#include "tst_cloudtreemodel.moc"
