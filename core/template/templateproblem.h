// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "yaml/yamldocument.h"

#include <QDebug>
#include <QList>
#include <QString>

namespace Pilvi {

/// One thing wrong (or doubtful) in a template or environment file, at the node that is wrong.
/// Shared by the offline validator, Heat's server-side validation (mapped back to a position),
/// the editor's problems panel and squiggles, and `pilvi-cli template validate`.
struct TemplateProblem {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file;      ///< the file as the user named it; empty for an unsaved buffer
    SourceRange range; ///< 1-based line and column of start and end; byte offsets into the file
    QString message;   ///< a sentence a person understands, Heat's wording where Heat has one

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const TemplateProblem &, const TemplateProblem &) = default;
};

inline QDebug operator<<(QDebug debug, const TemplateProblem &problem)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << problem.file << ':' << problem.range.start.line << ':' << problem.range.start.column << ": "
                    << (problem.isError() ? "error" : "warning") << ": " << problem.message;
    return debug;
}

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::TemplateProblem, Q_RELOCATABLE_TYPE);
