namespace CommunityRules.Diagnostics;

/// <summary>
/// The immutable description of a rule, as Roslyn's <c>DiagnosticDescriptor</c>: what it is called, what it says and
/// how serious it is by default. The severity in force comes from configuration and is kept apart.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Initializes a new instance of the <see cref="RuleDescriptor"/> class.</summary>
    /// <param name="id">The rule's identifier, such as <c>GOV001</c>.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message, with <c>{placeholders}</c>.</param>
    /// <param name="category">The category that configuration can address as <c>category:NAME</c>.</param>
    /// <param name="defaultSeverity">The severity when configuration says nothing.</param>
    /// <param name="isEnabledByDefault">Whether the rule runs when configuration says nothing.</param>
    /// <param name="description">A longer description, or <see langword="null"/>.</param>
    /// <param name="helpLink">A link to the rule's guidance, or <see langword="null"/>.</param>
    /// <param name="tags">Free tags.</param>
    public RuleDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        bool isEnabledByDefault = true,
        string? description = null,
        Uri? helpLink = null,
        IReadOnlyList<string>? tags = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(messageFormat);
        ArgumentNullException.ThrowIfNull(category);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault && defaultSeverity != Severity.None;
        Description = description;
        HelpLink = helpLink;
        Tags = tags ?? [];
    }

    /// <summary>Gets the rule's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the message with its <c>{placeholders}</c>.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the category.</summary>
    public string Category { get; }

    /// <summary>Gets the severity when configuration says nothing.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Gets a value indicating whether the rule runs when configuration says nothing.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>Gets the longer description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the link to the rule's guidance, if any.</summary>
    public Uri? HelpLink { get; }

    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id}: {Title}";
}
