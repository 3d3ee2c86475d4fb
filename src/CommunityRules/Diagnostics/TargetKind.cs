namespace CommunityRules.Diagnostics;

/// <summary>The kind of thing a rule looks at and a finding is about.</summary>
public enum TargetKind
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>A group.</summary>
    Group,

    /// <summary>A post.</summary>
    Post,

    /// <summary>A comment.</summary>
    Comment,

    /// <summary>The network as a whole.</summary>
    Network,

    /// <summary>The rule configuration itself, for example an expired exemption.</summary>
    Configuration,

    /// <summary>A record of the data source, for example a line that could not be read.</summary>
    Record,
}
