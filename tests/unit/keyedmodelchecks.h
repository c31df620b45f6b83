// SPDX-License-Identifier: GPL-3.0-or-later
// Checks every KeyedListModel shares: a refresh is a diff (rows inserted, removed, moved or
// changed, never a reset) that keeps the selection, under QAbstractItemModelTester.
#pragma once

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <type_traits>

namespace KeyedModelChecks {

inline QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

// The same refresh sequences for every keyed table: ids before and after, the id whose status
// changes, the id of the selected row, and the signals expected.
inline void refreshTable()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("changedId");
    QTest::addColumn<QString>("selectedId");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("moved");
    QTest::addColumn<int>("changed");

    QTest::newRow("nothing changes") << words("a b c") << words("a b c") << QString() << QStringLiteral("b") << 0 << 0 << 0 << 0;
    QTest::newRow("add") << words("a c") << words("a b c") << QString() << QStringLiteral("c") << 1 << 0 << 0 << 0;
    QTest::newRow("remove") << words("a b c d") << words("a d") << QString() << QStringLiteral("d") << 0 << 1 << 0 << 0;
    QTest::newRow("remove the selected") << words("a b c") << words("a c") << QString() << QStringLiteral("b") << 0 << 1 << 0
                                         << 0;
    QTest::newRow("reorder") << words("a b c") << words("c a b") << QString() << QStringLiteral("a") << 0 << 0 << 1 << 0;
    QTest::newRow("change a field") << words("a b c") << words("a b c") << QStringLiteral("b") << QStringLiteral("b") << 0 << 0
                                    << 0 << 1;
    QTest::newRow("empty") << words("a b") << QStringList() << QString() << QStringLiteral("a") << 0 << 1 << 0 << 0;
}

// Runs the current row of refreshTable() on a KeyedListModel; `make(id, changed)` builds an item.
template<typename Model, typename Make>
void checkRefresh(Make make, const QString &keyPrefix = {})
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, changedId);
    QFETCH(QString, selectedId);
    QFETCH(int, inserted);
    QFETCH(int, removed);
    QFETCH(int, moved);
    QFETCH(int, changed);

    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto items = [&](const QStringList &ids, bool applyChange) {
        QList<std::decay_t<decltype(model.itemAt(0))>> list;
        for (const QString &id : ids)
            list.append(make(id, applyChange && id == changedId));
        return list;
    };
    model.setItems(items(before, false));
    QItemSelectionModel selection(&model);
    selection.select(model.index(model.rowOf(keyPrefix + selectedId), 0),
                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(selection.hasSelection());

    QSignalSpy insertSpy(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removeSpy(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moveSpy(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changeSpy(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    model.setItems(items(after, true));

    QCOMPARE(model.items(), items(after, true));
    QCOMPARE(insertSpy.size(), inserted);
    QCOMPARE(removeSpy.size(), removed);
    QCOMPARE(moveSpy.size(), moved);
    QCOMPARE(changeSpy.size(), changed);
    QCOMPARE(resetSpy.size(), 0);
    const int selectedRow = model.rowOf(keyPrefix + selectedId);
    if (selectedRow < 0) {
        QVERIFY(!selection.hasSelection());
    } else {
        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().row(), selectedRow);
    }
}

} // namespace KeyedModelChecks
