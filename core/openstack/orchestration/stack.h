// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Pilvi {

struct StackOutput {
    QString key;
    QString value; ///< text as is; lists and maps as compact JSON
    QString description;
    QString error; ///< Heat's output_error, when the output could not be resolved
    friend bool operator==(const StackOutput &, const StackOutput &) = default;
};

struct Stack {
    QString id;
    QString name;
    QString status; ///< CREATE_COMPLETE, UPDATE_IN_PROGRESS...
    QString statusReason;
    QString description;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString parentId; ///< set for nested stacks
    QStringList tags;
    QList<StackOutput> outputs; ///< only from "show"
    /// Only from "show": every template parameter with the value the stack uses (defaults filled
    /// in), plus Heat's own (OS::stack_name...). Lists and maps as compact JSON.
    QMap<QString, QString> parameters;
    friend bool operator==(const Stack &, const Stack &) = default;
};

struct StackResource {
    QString name; ///< logical name in the template
    QString physicalId;
    QString type;
    QString status;
    QString statusReason;
    QDateTime updatedAt;
    QStringList requiredBy;
    QString stackName; ///< the (nested) stack it belongs to
    QString stackId;
    QString nestedStackId; ///< for resources that are stacks themselves (groups, nested templates)
    QString parentResource;
    friend bool operator==(const StackResource &, const StackResource &) = default;
};

struct StackEvent {
    QString id;
    QDateTime time;
    QString resourceName;
    QString physicalId;
    QString status;
    QString statusReason;
    friend bool operator==(const StackEvent &, const StackEvent &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::StackOutput, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::Stack, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::StackResource, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::StackEvent, Q_RELOCATABLE_TYPE);
