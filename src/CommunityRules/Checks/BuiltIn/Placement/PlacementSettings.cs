using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Placement;

/// <summary>A placement rule's options, validated and ready for matching: ignored groups by id, or by name with case ignored.</summary>
internal sealed class PlacementSettings(PlacementOptions options)
{
    private readonly HashSet<string> _ignoredIds = new(options.IgnoreGroups, StringComparer.Ordinal);
    private readonly HashSet<string> _ignoredNames = new(options.IgnoreGroups.Select(name => name.Trim()), StringComparer.OrdinalIgnoreCase);

    public double MinConfidence { get; } = options.MinConfidence;

    public double Margin { get; } = options.Margin;

    public int MinWords { get; } = options.MinWords;

    /// <summary>Gets whether a group's posts are left alone and the group is never suggested.</summary>
    public bool IsIgnored(Group group) => _ignoredIds.Contains(group.Id) || (group.Name is { } name && _ignoredNames.Contains(name.Trim()));
}
