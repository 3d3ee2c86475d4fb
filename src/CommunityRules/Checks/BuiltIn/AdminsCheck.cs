using System.Globalization;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>admins</c> check.</summary>
internal sealed class AdminsOptions
{
    /// <summary>Gets or sets the fewest admins a group may have.</summary>
    public int Min { get; set; } = 2;

    /// <summary>Gets or sets the most admins a group may have, or none for no limit.</summary>
    public int? Max { get; set; }

    /// <summary>Gets or sets a value indicating whether only admins still with the organisation count; those who left are named in the finding.</summary>
    public bool RequireActive { get; set; } = true;
}

/// <summary>Checks that groups have enough admins, still with the organisation, and not too many.</summary>
internal sealed class AdminsCheck : Check<AdminsOptions>
{
    /// <inheritdoc/>
    public override string Kind => "admins";

    /// <inheritdoc/>
    public override string Description => "Groups have enough admins who are still with the organisation, and not too many.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "admins", "formerAdmins", "adminCount"];

    /// <inheritdoc/>
    /// <remarks>Admins; who left is used where the data has it, and without it every admin counts as still there.</remarks>
    protected override DataCapabilities GetRequiredData(AdminsOptions options) => DataCapabilities.Admins;

    /// <inheritdoc/>
    protected override void Validate(AdminsOptions options, CheckOptionsContext context)
    {
        if (options.Min < 0)
        {
            context.ReportError("min", $"'min' is {options.Min}; it must be 0 or more.");
        }

        if (options.Max is { } max && max < options.Min)
        {
            context.ReportError("max", $"'max' is {max}, below 'min' {options.Min}; no group could pass.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Groups, their admins and memberships: no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(AdminsOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, AdminsOptions options) =>
        context.RegisterGroupAction(group =>
        {
            var counted = new List<string>();
            var former = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var membership in group.Network.GetMembers(group.Group.Id))
            {
                // An export may list a person twice; an admin is a person, not a membership row.
                if (membership.Role != MembershipRole.Admin || !seen.Add(membership.PersonId))
                {
                    continue;
                }

                var person = group.Network.FindPerson(membership.PersonId);
                if (person is { Kind: not PersonKind.Person })
                {
                    continue;
                }

                var name = person?.Name ?? membership.PersonId;
                if (options.RequireActive && person is not { Active: true })
                {
                    former.Add(person is null ? $"{name} (not in the directory)" : name);
                }
                else
                {
                    counted.Add(name);
                }
            }

            var kind = options.RequireActive ? "active admin" : "admin";
            string? reason = null;
            if (counted.Count < options.Min)
            {
                var needed = options.Min == 1 ? "at least 1 is needed" : $"at least {options.Min} are needed";
                reason = counted.Count == 0
                    ? $"it has no {kind}; {needed}"
                    : $"it has {Count(counted.Count, kind)} ({string.Join(", ", counted)}); {needed}";
            }
            else if (options.Max is { } max && counted.Count > max)
            {
                reason = $"it has {Count(counted.Count, kind)}; at most {max} are allowed";
            }

            if (reason is null)
            {
                return;
            }

            if (former.Count > 0)
            {
                reason += $". Admins who left: {string.Join(", ", former)}";
            }

            group.Report(
                new MessageArgument("reason", reason),
                new MessageArgument("admins", string.Join(", ", counted)),
                new MessageArgument("formerAdmins", string.Join(", ", former)),
                new MessageArgument("adminCount", counted.Count.ToString(CultureInfo.InvariantCulture)));
        });

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
