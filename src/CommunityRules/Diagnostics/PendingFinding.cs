namespace CommunityRules.Diagnostics;

/// <summary>What a finding's message and properties are made from, kept until a caller first reads them.</summary>
internal abstract class PendingFinding
{
    /// <summary>Gets what tells the finding apart in its fingerprint, when it is made from what was reported; otherwise <see langword="null"/>.</summary>
    public virtual string? Discriminator => null;

    /// <summary>Formats the message, exactly as it would have been formatted when the finding was reported.</summary>
    public abstract string FormatMessage();

    /// <summary>Makes the properties, exactly as they would have been made when the finding was reported.</summary>
    public abstract IReadOnlyDictionary<string, string> CreateProperties();
}
