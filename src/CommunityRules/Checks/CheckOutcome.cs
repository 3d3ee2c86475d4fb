using CommunityRules.Diagnostics;

namespace CommunityRules.Checks;

/// <summary>
/// A second kind of finding a check can report beside its main one, with a rule id of its own so configuration can
/// set its severity apart, as one Roslyn analyzer declares several descriptors. For example, the inactivity check's
/// main finding asks to help a quiet group and its <c>archive</c> outcome proposes to archive a silent one.
/// </summary>
/// <remarks>
/// A rule file may rename and reword an outcome under <c>outcomes: { NAME: { id, title, message, severity } }</c>;
/// otherwise its id is the rule's id, a dot and the outcome's name (<c>GOV004.archive</c>), and its words are these defaults.
/// </remarks>
public sealed class CheckOutcome
{
    /// <summary>Initializes a new instance of the <see cref="CheckOutcome"/> class.</summary>
    /// <param name="name">The outcome's name in rule files, in camelCase, such as <c>archive</c>.</param>
    /// <param name="title">The default title.</param>
    /// <param name="messageFormat">The default message, with <c>{placeholders}</c>.</param>
    /// <param name="defaultSeverity">The default severity.</param>
    /// <param name="description">A longer description, or <see langword="null"/>.</param>
    public CheckOutcome(string name, string title, string messageFormat, Severity defaultSeverity, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(messageFormat);
        Name = name;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Description = description;
    }

    /// <summary>Gets the outcome's name in rule files.</summary>
    public string Name { get; }

    /// <summary>Gets the default title.</summary>
    public string Title { get; }

    /// <summary>Gets the default message.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the default severity.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Gets the longer description, if any.</summary>
    public string? Description { get; }
}
