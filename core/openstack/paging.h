// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/session.h"

#include <QFuture>

#include <functional>
#include <memory>

namespace Pilvi {

/// Fetches every page of a marker/limit list (Heat, Cinder, Nova, Swift all page this way): asks
/// for `pageSize` items, and while a full page comes back asks again from the last item's marker.
/// `parse` reads one page's body; `markerOf` gives an item's marker (usually its id or name).
template<typename T>
QFuture<QList<T>> fetchAllPages(Session *session, ServiceRequest request, int pageSize,
                                std::function<QList<T>(const QByteArray &)> parse, std::function<QString(const T &)> markerOf)
{
    struct State {
        Session *session;
        ServiceRequest request;
        int pageSize;
        std::function<QList<T>(const QByteArray &)> parse;
        std::function<QString(const T &)> markerOf;
        QList<T> items;
    };
    auto state = std::make_shared<State>(State{session, std::move(request), pageSize, std::move(parse), std::move(markerOf), {}});

    // Each step sends one page request and, if the page was full, chains the next step.
    struct Step {
        static QFuture<QList<T>> run(const std::shared_ptr<State> &s, const QString &marker)
        {
            ServiceRequest page = s->request;
            page.query.addQueryItem(QStringLiteral("limit"), QString::number(s->pageSize));
            if (!marker.isEmpty()) {
                page.query.removeAllQueryItems(QStringLiteral("marker"));
                page.query.addQueryItem(QStringLiteral("marker"), marker);
            }
            return s->session->send(page)
                .then([s](const HttpResponse &response) {
                    const QList<T> items = s->parse(response.body);
                    s->items.append(items);
                    if (items.size() < s->pageSize || items.isEmpty())
                        return QtFuture::makeReadyValueFuture(s->items);
                    return run(s, s->markerOf(items.constLast()));
                })
                .unwrap();
        }
    };
    return Step::run(state, QString());
}

} // namespace Pilvi
