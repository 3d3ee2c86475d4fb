using System.Globalization;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>membership</c> check.</summary>
internal sealed class MembershipOptions
{
    /// <summary>Gets or sets the fewest members a group should have, such as 3; none for no lower limit.</summary>
    public int? Min { get; set; }

    /// <summary>Gets or sets the most members a group should have; none for no upper limit.</summary>
    public int? Max { get; set; }

    /// <summary>Gets or sets a value indicating whether only members still with the organisation count towards min and max.</summary>
    public bool CountActiveOnly { get; set; } = true;

    /// <summary>Gets or sets the share of members who have left the organisation (or are not in the people list) above which a group is reported, from 0 to 1, such as 0.25 for 25 %; none to not look at it.</summary>
    public double? MaxInactiveShare { get; set; }
}

/// <summary>
/// Checks the size of groups — enough members for a conversation, not so many that it should be split — and the
/// share of members who have left the organisation. A person listed twice counts once.
/// </summary>
internal sealed class MembershipCheck : Check<MembershipOptions>
{
    /// <inheritdoc/>
    public override string Kind => "membership";

    /// <inheritdoc/>
    public override string Description => "Groups have enough members, not too many, and not too many who have left the organisation.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "members", "activeMembers", "inactiveShare"];

    /// <inheritdoc/>
    protected override DataCapabilities GetRequiredData(MembershipOptions options) =>
        DataCapabilities.Memberships | (options.MaxInactiveShare is null ? DataCapabilities.None : DataCapabilities.Departures);

    /// <inheritdoc/>
    protected override void Validate(MembershipOptions options, CheckOptionsContext context)
    {
        if (options.Min is null && options.Max is null && options.MaxInactiveShare is null)
        {
            context.ReportError("min", "The membership check has nothing to check; set at least one of min, max or maxInactiveShare.");
            return;
        }

        if (options.Min is < 1)
        {
            context.ReportError("min", $"'min' is {options.Min}; it must be 1 or more.");
        }

        if (options.Max is < 1)
        {
            context.ReportError("max", $"'max' is {options.Max}; it must be 1 or more.");
        }
        else if (options.Max < options.Min)
        {
            context.ReportError("max", $"'max' is {options.Max}, below 'min' ({options.Min}); no group could pass.");
        }

        if (options.MaxInactiveShare is { } share && !(share is >= 0 and <= 1))
        {
            var hint = share is > 1 and <= 100 ? $", such as {(share / 100).ToString("0.##", CultureInfo.InvariantCulture)} for {share.ToString("0.##", CultureInfo.InvariantCulture)} %" : ", such as 0.25 for 25 %";
            context.ReportError("maxInactiveShare", $"'maxInactiveShare' is {share.ToString(CultureInfo.InvariantCulture)}; write a share from 0 to 1{hint}.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Groups and memberships: no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(MembershipOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, MembershipOptions options) =>
        context.RegisterGroupAction(group =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var active = 0;
            var left = 0;
            var unknown = 0;
            foreach (var membership in group.Network.GetMembers(group.Group.Id))
            {
                // An export may list a person twice; a member is a person, not a membership row.
                if (!seen.Add(membership.PersonId))
                {
                    continue;
                }

                switch (group.Network.FindPerson(membership.PersonId))
                {
                    case { Kind: not PersonKind.Person }:
                        // A bot in a channel is neither a member to count nor one who left.
                        break;
                    case null:
                        unknown++;
                        break;
                    case { Active: true }:
                        active++;
                        break;
                    default:
                        left++;
                        break;
                }
            }

            var members = seen.Count;
            var counted = options.CountActiveOnly ? active : members;
            var noun = options.CountActiveOnly ? "active member" : "member";
            var reasons = new List<string>();
            if (options.Min is { } min && counted < min)
            {
                reasons.Add($"it has {Count(counted, noun)}; at least {min} are expected");
            }
            else if (options.Max is { } max && counted > max)
            {
                reasons.Add($"it has {Count(counted, noun)}; at most {max} are expected");
            }

            var gone = left + unknown;
            var share = members == 0 ? 0 : (double)gone / members;
            if (options.MaxInactiveShare is { } maxShare && share > maxShare)
            {
                var one = gone == 1;
                var who = unknown == 0 ? (one ? "has left the organisation" : "have left the organisation")
                    : left == 0 ? (one ? "is not in the people list" : "are not in the people list")
                    : $"have left the organisation ({unknown} of them {(unknown == 1 ? "is" : "are")} not in the people list)";
                var part = members == 1 ? $"its only member ({Percent(share)})" : $"{gone} of its {members} members ({Percent(share)})";
                reasons.Add($"{part} {who}; the limit is {Percent(maxShare)}");
            }

            if (reasons.Count == 0)
            {
                return;
            }

            group.Report(
                new MessageArgument("reason", string.Join("; ", reasons)),
                new MessageArgument("members", members.ToString(CultureInfo.InvariantCulture)),
                new MessageArgument("activeMembers", active.ToString(CultureInfo.InvariantCulture)),
                new MessageArgument("inactiveShare", Percent(share)));
        });

    private static string Count(int count, string noun) => count switch
    {
        0 => $"no {noun}s",
        1 => $"1 {noun}",
        _ => $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s",
    };

    /// <summary>A share as a percentage with at most one decimal: 0.2667 is "26.7%".</summary>
    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
