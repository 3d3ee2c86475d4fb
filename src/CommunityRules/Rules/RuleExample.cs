using CommunityRules.Data;
using CommunityRules.Diagnostics;

namespace CommunityRules.Rules;

/// <summary>An example written beside a rule: a small network whose target must pass or fail the rule.</summary>
internal sealed record RuleExample(
    InMemoryNetwork Network,
    TargetKind Target,
    string TargetId,
    bool ExpectFailure,
    DateTimeOffset? AsOf,
    string? ExpectedMessage,
    SourceLocation Location,
    string? Outcome = null);
