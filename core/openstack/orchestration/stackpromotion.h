// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/environment.h"
#include "openstack/orchestration/stackupdate.h"

#include <QFuture>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Pilvi {

class Session;
// Not orchestrationclient.h: it brings resourcetype.h, whose SupportStatus/PropertySchema clash
// with template/resourceschema.h in a translation unit that includes both (moc of pilvi-ui).
struct StackCreateRequest;

/// One line of a line diff.
struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    int oldLine = 0; ///< 1-based line in the old text (0 for an added line)
    int newLine = 0; ///< 1-based line in the new text (0 for a removed line)
    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

/// The shortest edit from `before` to `after` (longest common subsequence), every line of both
/// in order; removals come before the additions that replace them.
QList<DiffLine> diffLines(const QStringList &before, const QStringList &after);
/// The diff as `diff -u` prints it, with `context` lines around each change ("" when equal).
QString unifiedDiff(const QList<DiffLine> &diff, const QString &beforeName, const QString &afterName, int context = 3);

/// A template (YAML or JSON) in one canonical YAML-like form, mapping keys sorted, so that
/// the YAML a user wrote and the JSON Heat gives back compare line by line. Text that does not
/// parse is returned as is.
QString normalizedTemplate(const QByteArray &templateText);

/// One template parameter as the promotion sees it.
struct ParameterChange {
    enum class Kind { Same, Added, Removed, Changed };
    QString name;
    Kind kind = Kind::Same;
    bool hidden = false;              ///< the template says `hidden: true`: never show the values
    bool environmentSpecific = false; ///< names a key, network, flavor or image: the user should check it
    QString sourceValue;              ///< the value in the source stack
    QString currentValue;             ///< the value in the existing target stack (Changed/Same/Removed)
    QString targetValue;              ///< what the promotion will send (editable; starts as sourceValue)

    /// "(hidden, changed)", "(hidden, same)" or the value itself.
    QString displayValue(const QString &value) const;
    QString kindName() const;
};

/// The parameters of the source stack against the target's: `hidden` names the template's
/// hidden parameters; Heat's own (OS::stack_name...) are left out. Without a target stack every
/// parameter is Added.
QList<ParameterChange> diffParameters(const QMap<QString, QString> &source, const std::optional<QMap<QString, QString>> &target,
                                      const QSet<QString> &hidden, const QSet<QString> &environmentSpecific = {});

/// The parameters of a template that name environment-specific things: a custom_constraint on a
/// key pair, network, subnet, flavor or image, or a name that says so (key_name, flavor, image...).
QSet<QString> environmentSpecificParameters(const QByteArray &templateText);
QSet<QString> templateHiddenParameters(const QByteArray &templateText);

struct PromotionSource {
    QString stackName;
    Environment environment = Environment::Development;
    QByteArray templateText;
    QMap<QString, QString> parameters;
    QByteArray environmentText;
    QMap<QString, QByteArray> files;
};

struct PromotionTarget {
    QString stackName;
    Environment environment = Environment::Development;
    bool exists = false;
    QString stackId; ///< when it exists
    QByteArray templateText;
    QMap<QString, QString> parameters;
};

/// What promoting a stack into another cloud will do.
struct PromotionPlan {
    enum class Action { Create, Update };
    Action action = Action::Create;
    PromotionSource source;
    PromotionTarget target;
    QList<DiffLine> templateDiff; ///< target's current template (or nothing) → source's
    QList<ParameterChange> parameters;
    std::optional<StackUpdatePreview> preview; ///< Heat's view of the update (Update only)

    bool templateChanged() const;
    /// The values to send: every parameter's targetValue, hidden ones only when given.
    QMap<QString, QString> targetParameters() const;
    StackCreateRequest createRequest() const;
    /// A PATCH (existing): parameters not sent, like a hidden one left empty, keep their value.
    StackUpdateRequest updateRequest() const;
};

PromotionPlan planPromotion(const PromotionSource &source, const PromotionTarget &target);

/// Reads the source stack (template, parameters, environment, files) from `sourceSession`,
/// looks for `targetStackName` in `targetSession`, plans, and for an update asks Heat for the
/// preview. Fails with ApiError.
QFuture<PromotionPlan> fetchPromotionPlan(Session *sourceSession, const QString &sourceStack, Environment sourceEnvironment,
                                          Session *targetSession, const QString &targetStackName, Environment targetEnvironment);

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::DiffLine, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ParameterChange, Q_RELOCATABLE_TYPE);
