// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stacklistmodel.h"
#include "models/stackresourcetreemodel.h"
#include "models/statusfilterproxymodel.h"
#include "models/textfilterproxymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
Stack stack(const QString &id, const QString &name, const QString &status)
{
    Stack s;
    s.id = id;
    s.name = name;
    s.status = status;
    return s;
}

QList<Stack> stacks()
{
    return {stack(u"1f3a"_s, u"Web-Frontend"_s, u"CREATE_COMPLETE"_s), stack(u"2b7c"_s, u"database"_s, u"UPDATE_IN_PROGRESS"_s),
            stack(u"3c9d"_s, u"web-backend"_s, u"CREATE_FAILED"_s), stack(u"4d1e"_s, u"cache"_s, u"DELETE_FAILED"_s)};
}

// The names a (proxy) table shows, top to bottom.
QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, StackListModel::NameColumn).data().toString();
    return result;
}

// The tree as text: "web, asg(m0, m1)".
QString shape(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString text = index.data().toString();
        if (model.rowCount(index) > 0)
            text += u'(' + shape(model, index) + u')';
        rows << text;
    }
    return rows.join(u", "_s);
}

QList<StackResource> resourceTree()
{
    const auto resource = [](const QString &stackId, const QString &name, const QString &status, const QString &nested = {}) {
        StackResource r;
        r.stackId = stackId;
        r.name = name;
        r.status = status;
        r.nestedStackId = nested;
        r.physicalId = u"phys-"_s + name;
        return r;
    };
    return {
        resource(u"t"_s, u"web"_s, u"CREATE_COMPLETE"_s),          resource(u"t"_s, u"asg"_s, u"UPDATE_IN_PROGRESS"_s, u"s1"_s),
        resource(u"s1"_s, u"m0"_s, u"CREATE_COMPLETE"_s, u"s2"_s), resource(u"s2"_s, u"server"_s, u"CREATE_FAILED"_s),
        resource(u"s2"_s, u"port"_s, u"CREATE_COMPLETE"_s),        resource(u"s1"_s, u"m1"_s, u"UPDATE_IN_PROGRESS"_s)};
}
} // namespace

class TestProxies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("shown");
        const QStringList all{u"Web-Frontend"_s, u"database"_s, u"web-backend"_s, u"cache"_s};
        QTest::newRow("empty shows all") << QString() << all;
        QTest::newRow("name") << u"data"_s << QStringList{u"database"_s};
        QTest::newRow("case-insensitive") << u"WEB"_s << QStringList{u"Web-Frontend"_s, u"web-backend"_s};
        QTest::newRow("id") << u"3C9"_s << QStringList{u"web-backend"_s};
        QTest::newRow("blanks around are ignored") << u"  cache "_s << QStringList{u"cache"_s};
        QTest::newRow("status is not searched") << u"FAILED"_s << QStringList();
        QTest::newRow("nothing") << u"zzz"_s << QStringList();
    }
    void textFilter()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, shown);
        StackListModel source;
        TextFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        proxy.setSearchColumns({StackListModel::NameColumn});
        proxy.setSearchRoles({StackListModel::IdRole});
        QAbstractItemModelTester sourceTester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        source.setItems(stacks());
        proxy.setFilterText(text);
        QCOMPARE(proxy.filterText(), text.trimmed());
        QCOMPARE(names(proxy), shown);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 4);
    }

    void statusFilter_data()
    {
        QTest::addColumn<StatusFilterProxyModel::Filter>("filter");
        QTest::addColumn<QStringList>("shown");
        using Filter = StatusFilterProxyModel::Filter;
        QTest::newRow("all") << Filter::All << QStringList{u"Web-Frontend"_s, u"database"_s, u"web-backend"_s, u"cache"_s};
        QTest::newRow("in progress") << Filter::InProgress << QStringList{u"database"_s};
        QTest::newRow("failed") << Filter::Failed << QStringList{u"web-backend"_s, u"cache"_s};
        QTest::newRow("complete") << Filter::Complete << QStringList{u"Web-Frontend"_s};
    }
    void statusFilter()
    {
        QFETCH(StatusFilterProxyModel::Filter, filter);
        QFETCH(QStringList, shown);
        StackListModel source;
        StatusFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        proxy.setStatusKindRole(StackListModel::StatusKindRole);
        QAbstractItemModelTester sourceTester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        source.setItems(stacks());
        proxy.setFilter(filter);
        QCOMPARE(proxy.filter(), filter);
        QCOMPARE(names(proxy), shown);
    }

    // The status proxy follows the source's refreshes: a stack that fails appears under "failed"
    // as an insert, and a row that stays keeps its persistent index through the proxy.
    void statusFilterFollowsRefresh()
    {
        StackListModel source;
        StatusFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        proxy.setStatusKindRole(StackListModel::StatusKindRole);
        QAbstractItemModelTester sourceTester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        source.setItems(stacks());
        proxy.setFilter(StatusFilterProxyModel::Filter::Failed);
        const QPersistentModelIndex cache(proxy.index(1, 0));
        QCOMPARE(cache.data().toString(), u"cache"_s);

        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        QList<Stack> refreshed = stacks();
        refreshed[1].status = u"UPDATE_FAILED"_s;
        source.setItems(refreshed);
        QCOMPARE(names(proxy), (QStringList{u"database"_s, u"web-backend"_s, u"cache"_s}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QVERIFY(cache.isValid());
        QCOMPARE(cache.data().toString(), u"cache"_s);
    }

    // In a tree, a parent stays while one of its descendants matches.
    void filtersKeepTheAncestorsOfMatches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<StatusFilterProxyModel::Filter>("filter");
        QTest::addColumn<QString>("shape");
        using Filter = StatusFilterProxyModel::Filter;
        QTest::newRow("everything") << QString() << Filter::All << u"web, asg(m0(server, port), m1)"_s;
        QTest::newRow("text deep down") << u"SERVER"_s << Filter::All << u"asg(m0(server))"_s;
        QTest::newRow("text on a parent keeps it, not its children") << u"asg"_s << Filter::All << u"asg"_s;
        QTest::newRow("physical id") << u"phys-port"_s << Filter::All << u"asg(m0(port))"_s;
        QTest::newRow("failed") << QString() << Filter::Failed << u"asg(m0(server))"_s;
        QTest::newRow("in progress") << QString() << Filter::InProgress << u"asg(m1)"_s;
        QTest::newRow("both") << u"m"_s << Filter::Complete << u"asg(m0)"_s;
    }
    void filtersKeepTheAncestorsOfMatches()
    {
        QFETCH(QString, text);
        QFETCH(StatusFilterProxyModel::Filter, filter);
        QFETCH(QString, shape);
        StackResourceTreeModel source;
        StatusFilterProxyModel status;
        status.setSourceModel(&source);
        status.setStatusKindRole(StackResourceTreeModel::StatusKindRole);
        TextFilterProxyModel search;
        search.setSourceModel(&status);
        search.setSearchColumns({StackResourceTreeModel::NameColumn, StackResourceTreeModel::PhysicalIdColumn});
        QAbstractItemModelTester sourceTester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester statusTester(&status, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester searchTester(&search, QAbstractItemModelTester::FailureReportingMode::QtTest);
        source.setResources(resourceTree());
        status.setFilter(filter);
        search.setFilterText(text);
        QCOMPARE(::shape(search), shape);

        // A refresh of the source under the filters: the failed server recovers.
        QList<StackResource> refreshed = resourceTree();
        refreshed[3].status = u"CREATE_COMPLETE"_s;
        source.setResources(refreshed);
        if (filter == StatusFilterProxyModel::Filter::Failed)
            QCOMPARE(::shape(search), QString());
    }
};

QTEST_GUILESS_MAIN(TestProxies)
#include "tst_proxies.moc"
