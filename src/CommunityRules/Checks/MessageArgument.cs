namespace CommunityRules.Checks;

/// <summary>A named value a check gives to a finding: it fills <c>{Name}</c> in the rule's message and is kept as evidence.</summary>
/// <param name="Name">The placeholder's name, such as <c>reason</c>.</param>
/// <param name="Value">The value.</param>
public readonly record struct MessageArgument(string Name, string Value);
