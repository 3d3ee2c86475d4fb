using System.Globalization;
using System.Text;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;
using CommunityRules.Text.Links;
using static CommunityRules.Starter.NamingConvention;

namespace CommunityRules.Starter;

/// <summary>
/// Writes the starter configuration <c>communityrules init</c> proposes for a network: the bundled packs, with
/// <c>options:</c> where a pack's default does not fit what the network does (its naming convention, who creates its
/// groups, its e-mail domains, how quiet its groups are) and <c>severity: none</c> where the data cannot feed a rule.
/// Each value carries a comment that says why, with the numbers. The same profile gives the same bytes.
/// </summary>
internal static class StarterConfiguration
{
    /// <summary>The most of a network's groups a finding should name before a pack's default looks unfitting: a quarterly review's worth.</summary>
    private const double ReviewShare = 0.15;

    /// <summary>The share of names below or above a length limit that makes the limit unfitting.</summary>
    private const double LengthOutliers = 0.05;

    private const int LineWidth = 118;

    /// <summary>Roles the platforms give the people who run them; they create groups by office.</summary>
    private static readonly string[] PlatformAdminRoles = ["workspace-primary-owner", "workspace-owner", "workspace-admin", "network-admin"];

    /// <summary>Webmail providers: a domain many people use that is not the organisation's.</summary>
    private static readonly HashSet<string> PublicMailDomains = new(
        ["gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "mail.com", "hotmail.se", "live.se", "yahoo.se", "online.no", "hotmail.no", "live.no", "hotmail.dk", "live.dk", "jubii.dk", "mail.dk", "hotmail.fi", "luukku.com", "suomi24.fi", "telia.com"],
        StringComparer.Ordinal);

    /// <summary>Gets the packs the starter configuration builds on.</summary>
    public static IReadOnlyList<string> Packs { get; } = [RuleSetLoader.BuiltinPrefix + "governance", RuleSetLoader.BuiltinPrefix + "posting-guidelines"];

    /// <summary>Writes the starter configuration for a network.</summary>
    /// <param name="profile">What was learnt from the network.</param>
    /// <param name="packs">The bundled packs, loaded, whose defaults the proposals are measured against.</param>
    /// <returns>The configuration file's text, lines ending in <c>\n</c>.</returns>
    public static string Write(NetworkProfile profile, RuleSet packs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(packs);
        var plan = new Plan(packs);
        var groups = profile.Groups.Where(group => !group.Archived).ToList();
        Naming(groups, plan);
        Descriptions(groups, plan);
        Admins(profile, groups, plan);
        Inactivity(profile, groups, plan);
        Creation(profile, groups, plan);
        Membership(profile, groups, plan);
        EmailDomains(profile, plan);
        return Render(profile, packs, plan);
    }

    private static void Naming(List<Group> groups, Plan plan)
    {
        if (plan.Find("naming") is not { } rule)
        {
            return;
        }

        var options = (NamingOptions)rule.Options;
        var names = groups.Select(group => group.Name ?? string.Empty).ToList();
        var total = names.Count;
        var convention = NamingConvention.Find(names);
        var packPattern = options.CompiledPattern ?? (options.Pattern is { } p ? new System.Text.RegularExpressions.Regex(p, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null);
        var packFollowing = packPattern is null ? 0 : names.Count(name => packPattern.IsMatch(name));
        if (packPattern is not null && total > 0 && packFollowing >= ClearMajority * total && packFollowing >= convention.Following)
        {
            plan.Keep(rule, [$"{rule.Id} (naming): the pack's convention, {options.PatternDescription ?? options.Pattern}, fits: {Count(packFollowing, total)} follow it{(convention.PrefixSummary is { } prefixes ? "; " + prefixes : string.Empty)}."]);
        }
        else if (convention.Pattern is { } pattern)
        {
            plan.Set(rule, [.. convention.Evidence, "The groups that do not follow it are reported."], $"pattern: {Quote(pattern)}", $"patternDescription: {Quote(convention.Description!)}");
        }
        else if (packPattern is not null)
        {
            plan.Set(
                rule,
                [.. convention.Evidence, $"The pack's convention ({options.PatternDescription ?? options.Pattern}) is followed by {Count(packFollowing, total)}, so the pattern is off rather than reporting most groups; the length limits and blocked words still apply."],
                "pattern: ~",
                "patternDescription: ~");
        }

        if (total == 0)
        {
            return;
        }

        var lengths = names.Select(name => name.Length).Order().ToList();
        if (options.MinLength is { } min)
        {
            var shorter = names.Where(name => name.Length < min).ToList();
            if (shorter.Count > LengthOutliers * total)
            {
                plan.Set(rule, [$"{Count(shorter.Count, total)} have names shorter than the pack's {min} characters, such as {Examples(shorter)}: short names are usual here, so the limit is the shortest name's length."], $"minLength: {Yaml(Math.Max(1, lengths[0]))}");
            }
        }

        if (options.MaxLength is { } max)
        {
            var longer = names.Where(name => name.Length > max).ToList();
            if (longer.Count > LengthOutliers * total)
            {
                plan.Set(rule, [$"{Count(longer.Count, total)} have names longer than the pack's {max} characters, such as {Examples(longer)}: long names are usual here, so the limit is the longest name's length."], $"maxLength: {Yaml(lengths[^1])}");
            }
        }

        if (options.BlockedWords.Count > 0)
        {
            var matcher = new PhraseMatcher(options.BlockedWords, options.Match);
            var blocked = names.Where(name => matcher.FindFirst(name) is not null).ToList();
            plan.Keep(rule, [blocked.Count == 0
                ? $"{rule.Id}: no group name has one of the pack's blocked words ({string.Join(", ", options.BlockedWords)})."
                : $"{rule.Id}: {Count(blocked.Count, total)} have one of the pack's blocked words in the name, such as {Examples(blocked)}; they are reported."]);
        }
    }

    private static void Descriptions(List<Group> groups, Plan plan)
    {
        if (plan.Find("description") is not { } rule || groups.Count == 0)
        {
            return;
        }

        var options = (DescriptionOptions)rule.Options;
        var lengths = groups.Select(group => group.Description?.Trim().Length ?? 0).Where(length => length > 0).Order().ToList();
        if (lengths.Count == 0)
        {
            plan.Off(rule.Id, [$"No group in the data has a description (0 of {Plural(groups.Count, "group")}): the export does not carry them, so {rule.Id} would report every group. Switch it on when descriptions are in the data."]);
            return;
        }

        var missing = groups.Count - lengths.Count;
        var shorter = lengths.Count(length => length < options.MinLength);
        var proposed = lengths[(int)Math.Floor(0.1 * (lengths.Count - 1))];
        if (shorter > ReviewShare * lengths.Count && proposed < options.MinLength)
        {
            plan.Set(
                rule,
                [
                    $"{Count(shorter, lengths.Count)} with a description have one shorter than the pack's {options.MinLength} characters (the median is {Number(lengths[lengths.Count / 2])}): descriptions are short by nature here, so {proposed} lets nine in ten pass.",
                    $"{Count(missing, groups.Count)} have no description; they are reported.",
                ],
                $"minLength: {Yaml(Math.Max(1, proposed))}");
        }
        else
        {
            plan.Keep(rule, [$"{rule.Id} (description): {Count(lengths.Count, groups.Count)} have a description, {Number(shorter)} shorter than the pack's {options.MinLength} characters; the pack's limit fits."]);
        }
    }

    private static void Admins(NetworkProfile profile, List<Group> groups, Plan plan)
    {
        if (plan.Find("admins") is not { } rule || !profile.Capabilities.HasFlag(DataCapabilities.Admins) || groups.Count == 0)
        {
            return;
        }

        if (!groups.Any(group => profile.GroupsWithAdmins.Contains(group.Id)))
        {
            plan.Off(rule.Id, [$"No group in the data has an admin (0 of {Plural(groups.Count, "group")}): the export does not name them, so {rule.Id} would report every group. Switch it on when admins are in the data."]);
        }
    }

    private static void Inactivity(NetworkProfile profile, List<Group> groups, Plan plan)
    {
        if (plan.Find("inactivity") is not { } rule || groups.Count == 0)
        {
            return;
        }

        var options = (InactivityOptions)rule.Options;
        var archiveId = rule.Outcomes.FirstOrDefault(outcome => outcome.Outcome == InactivityCheck.Archive)?.Descriptor.Id;
        var total = groups.Count;
        int Flagged(int days) => groups.Count(group =>
        {
            var window = TimeSpan.FromDays(days);
            if (group.CreatedAt is { } created && profile.AsOf - created < window)
            {
                return false;
            }

            return !profile.LastActivity.TryGetValue(group.Id, out var last) || profile.AsOf - last >= window;
        });

        var packFlagged = Flagged(options.Days);
        var stages = archiveId is null ? rule.Id : $"{rule.Id} and {archiveId}";
        if (packFlagged <= ReviewShare * total)
        {
            plan.Keep(rule, [$"{stages} (inactivity): the pack's {options.Days} days find {Count(packFlagged, total)} quiet as of {Date(profile.AsOf)}, a list a quarterly review can work through; kept."]);
            return;
        }

        const int Step = 30;
        const int MostDays = 365;
        var days = options.Days;
        while (days < MostDays && Flagged(days) > ReviewShare * total)
        {
            days = Math.Min(MostDays, ((days / Step) + 1) * Step);
        }

        var flagged = Flagged(days);
        var why = new List<string>
        {
            $"With the pack's {options.Days} days, {Count(packFlagged, total)} count as quiet as of {Date(profile.AsOf)}: too many to review.",
            flagged <= ReviewShare * total
                ? $"After {days} days without a post or comment, the quietest {Count(flagged, total)} are reported."
                : $"Even after {days} days (the most proposed), {Count(flagged, total)} are quiet: many groups here have gone silent for good, and the first review will be long.",
        };
        var lines = new List<string> { $"days: {Yaml(days)}" };
        if (options.ArchiveAfterDays is { } archive)
        {
            var proposedArchive = Math.Min(2 * MostDays, Math.Max(archive, 2 * days));
            why.Add($"{archiveId ?? "The archive stage"} proposes archiving after {proposedArchive} days, twice the help stage as in the pack ({archive} of {options.Days}).");
            lines.Add($"archiveAfterDays: {Yaml(proposedArchive)}");
        }

        plan.Set(rule, why, [.. lines]);
    }

    private static void Creation(NetworkProfile profile, List<Group> groups, Plan plan)
    {
        if (plan.Find("creation") is not { } rule || !profile.Capabilities.HasFlag(DataCapabilities.GroupCreators) || groups.Count == 0)
        {
            return;
        }

        var outcomeIds = rule.Outcomes.Select(outcome => outcome.Descriptor.Id).ToList();
        if (groups.All(group => string.IsNullOrWhiteSpace(group.CreatedBy)))
        {
            plan.Off(rule.Id, [$"No group in the data says who created it (0 of {Plural(groups.Count, "group")}): {string.Join(", ", [rule.Id, .. outcomeIds])} would report every group. Switch them on when creators are in the data."]);
            foreach (var id in outcomeIds)
            {
                plan.Off(id, []);
            }

            return;
        }

        var options = ((CreationOptions)rule.Options).Allowed;
        var creators = groups.Select(group => profile.FindPerson(group.CreatedBy?.Trim())).OfType<Person>().Where(person => person.Active && person.Kind == PersonKind.Person).ToList();
        var considered = creators.Count;
        if (considered == 0)
        {
            return;
        }

        var platformRoles = PlatformAdminRoles.Where(role => profile.People.Any(person => person.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))).ToList();
        var roles = new List<string>(options.Roles);
        roles.AddRange(platformRoles.Where(role => !roles.Contains(role, StringComparer.OrdinalIgnoreCase)));
        var allowedRoles = new HashSet<string>(roles.Select(role => role.Trim()), StringComparer.OrdinalIgnoreCase);
        var departments = new HashSet<string>(options.Departments.Select(d => d.Trim()), StringComparer.OrdinalIgnoreCase);
        var countries = new HashSet<string>(options.Countries.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        var people = new HashSet<string>(options.People.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);
        bool Allowed(Person creator) =>
            creator.Roles.Any(role => allowedRoles.Contains(role.Trim()))
            || (creator.Department is { } department && departments.Contains(department.Trim()))
            || (creator.Country is { } country && countries.Contains(country.Trim()))
            || people.Contains(creator.Id)
            || (options.MemberOf.Count > 0 && options.MemberOf.Any(groupId => profile.Members.TryGetValue(groupId.Trim(), out var members) && members.Contains(creator.Id)));

        var byPack = creators.Count(creator => creator.Roles.Any(role => options.Roles.Contains(role.Trim(), StringComparer.OrdinalIgnoreCase)));
        var outside = creators.Where(creator => !Allowed(creator)).ToList();
        var activePeople = profile.People.Count(person => person.Active && person.Kind == PersonKind.Person);
        var minimum = Math.Max(3, (int)Math.Ceiling(0.05 * considered));

        // A role most people hold ("employee") sets nobody apart: allowing it would allow everyone.
        var generic = profile.People.Where(person => person.Active && person.Kind == PersonKind.Person)
            .SelectMany(person => person.Roles.Select(role => role.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(role => role, StringComparer.OrdinalIgnoreCase)
            .Where(holders => holders.Count() * 2 >= activePeople)
            .Select(holders => holders.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var establishedRoles = Established(outside.SelectMany(creator => creator.Roles.Select(role => role.Trim()).Where(role => role.Length > 0 && !generic.Contains(role)).Distinct(StringComparer.OrdinalIgnoreCase)), minimum);
        var establishedDepartments = Established(outside.Select(creator => creator.Department?.Trim()).OfType<string>().Where(d => d.Length > 0), minimum);
        var remaining = outside.Where(creator =>
            !creator.Roles.Any(role => establishedRoles.Any(e => string.Equals(e.Value, role.Trim(), StringComparison.OrdinalIgnoreCase)))
            && !(creator.Department is { } department && establishedDepartments.Any(e => string.Equals(e.Value, department.Trim(), StringComparison.OrdinalIgnoreCase)))).ToList();

        var packRoles = Or(options.Roles);
        if (remaining.Count > ReviewShare * considered)
        {
            plan.Off(rule.Id, [
                $"{Count(considered - outside.Count, considered)} whose creator is known and still here were created by people with the role {Or(roles)}; {Number(remaining.Count)} by people no role or department in the data sets apart ({Describe(remaining)}).",
                $"Creating groups is everyone's practice here, so {rule.Id} is off; {string.Join(" and ", outcomeIds)} (no known creator, creator who left) stay on.",
            ]);
            return;
        }

        var why = new List<string> { $"{Count(byPack, considered)} whose creator is known and still here were created by people with the role {packRoles}, as the pack allows." };
        var changed = false;
        if (platformRoles.Count > 0)
        {
            why.Add($"The platform's own admin roles ({string.Join(", ", platformRoles)}) are in the data; the people who run the platform create groups by office.");
            changed = true;
        }

        foreach (var (value, count) in establishedRoles)
        {
            why.Add($"{Count(count, considered)} were created by people with the role {value}: established practice.");
            roles.Add(value);
            changed = true;
        }

        var lines = new List<string>();
        if (changed)
        {
            lines.Add("allowed:");
            lines.Add($"  roles: {List(roles)}");
        }

        if (establishedDepartments.Count > 0)
        {
            foreach (var (value, count) in establishedDepartments)
            {
                why.Add($"{Count(count, considered)} were created by people in {value} without such a role: established practice.");
            }

            if (lines.Count == 0)
            {
                lines.Add("allowed:");
            }

            lines.Add($"  departments: {List([.. options.Departments, .. establishedDepartments.Select(e => e.Value)])}");
        }

        if (lines.Count == 0)
        {
            plan.Keep(rule, [$"{rule.Id} (creation): {Count(byPack, considered)} whose creator is known and still here were created by people with the role {packRoles}; the {Number(outside.Count)} others ({Describe(outside)}) are reported: the pack's policy fits."]);
            return;
        }

        why.Add(remaining.Count switch
        {
            0 => "Every known creator is then allowed.",
            1 => $"The one other ({Describe(remaining)}) is reported.",
            _ => $"The {Number(remaining.Count)} others ({Describe(remaining)}) are reported.",
        });
        plan.Set(rule, why, [.. lines]);
    }

    private static void Membership(NetworkProfile profile, List<Group> groups, Plan plan)
    {
        if (plan.Find("membership") is not { } rule || !profile.Capabilities.HasFlag(DataCapabilities.Memberships) || groups.Count == 0)
        {
            return;
        }

        if (!groups.Any(group => profile.Members.ContainsKey(group.Id)))
        {
            plan.Off(rule.Id, [$"No group in the data has members (0 of {Plural(groups.Count, "group")}): the export does not list them, so {rule.Id} would report every group."]);
            return;
        }

        var options = (MembershipOptions)rule.Options;
        var total = groups.Count;
        var sizes = new List<int>();
        var shares = new List<double>();
        foreach (var group in groups)
        {
            int members = 0, active = 0, gone = 0;
            foreach (var id in profile.Members.GetValueOrDefault(group.Id) ?? [])
            {
                switch (profile.FindPerson(id))
                {
                    case { Kind: not PersonKind.Person }:
                        continue;
                    case { Active: true }:
                        active++;
                        break;
                    default:
                        gone++;
                        break;
                }

                members++;
            }

            sizes.Add(options.CountActiveOnly ? active : members);
            shares.Add(members == 0 ? 0 : (double)gone / members);
        }

        var why = new List<string>();
        var lines = new List<string>();
        var noun = options.CountActiveOnly ? "active members" : "members";
        if (options.Min is { } min)
        {
            var smaller = sizes.Count(size => size < min);
            var ordered = sizes.Order().ToList();
            var proposed = Math.Max(1, ordered[(int)Math.Floor(0.1 * (ordered.Count - 1))]);
            if (smaller > ReviewShare * total && proposed < min)
            {
                why.Add($"{Count(smaller, total)} have fewer than the pack's {min} {noun}: small groups are usual here, so at least {proposed} lets nine in ten pass.");
                lines.Add($"min: {Yaml(proposed)}");
            }
            else
            {
                plan.Keep(rule, [$"{rule.Id} (membership): {Count(smaller, total)} have fewer than {min} {noun}; the pack's limit fits."]);
            }
        }

        if (options.MaxInactiveShare is { } limit && profile.Capabilities.HasFlag(DataCapabilities.Departures))
        {
            var over = shares.Count(share => share > limit);
            var ordered = shares.Order().ToList();
            var proposed = Math.Min(1, Math.Ceiling(ordered[(int)Math.Ceiling(0.9 * (ordered.Count - 1))] * 20) / 20);
            if (over > ReviewShare * total && proposed > limit)
            {
                why.Add($"{Count(over, total)} have more than the pack's {Share(limit)} of their members gone from the organisation; {Share(proposed)} lets nine in ten pass.");
                lines.Add($"maxInactiveShare: {proposed.ToString("0.##", CultureInfo.InvariantCulture)}");
            }
            else
            {
                plan.Keep(rule, [$"{rule.Id} (membership): {Count(over, total)} have more than {Share(limit)} of their members gone; the pack's limit fits."]);
            }
        }

        if (lines.Count > 0)
        {
            plan.Set(rule, why, [.. lines]);
        }
    }

    private static void EmailDomains(NetworkProfile profile, Plan plan)
    {
        if (plan.Find("personalData") is not { } rule || ((PersonalDataOptions)rule.Options).IgnoreEmailDomains is not null)
        {
            return;
        }

        var domains = profile.People
            .Where(person => person.Kind == PersonKind.Person && person.Email is { } email && email.LastIndexOf('@') is > 0 and var at && at < email.Length - 1)
            .Select(person => TextFolding.ToLower(person.Email![(person.Email!.LastIndexOf('@') + 1)..].Trim().TrimEnd('.')))
            .ToList();
        var ids = string.Join(" and ", rule.Descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal));
        if (domains.Count == 0)
        {
            plan.Keep(rule, [$"{ids} (personal data): the data has no e-mail addresses of people, so the organisation's own domains cannot be told; if colleagues' work addresses are reported, list the domains in ignoreEmailDomains."]);
            return;
        }

        var minimum = Math.Max(2, (int)Math.Ceiling(0.05 * domains.Count));
        var common = domains.GroupBy(domain => domain, StringComparer.Ordinal)
            .Select(g => (Domain: g.Key, Count: g.Count()))
            .Where(entry => entry.Count >= minimum && !PublicMailDomains.Contains(entry.Domain) && DomainList.TryCreate([entry.Domain], out _, out _))
            .OrderByDescending(entry => entry.Count).ThenBy(entry => entry.Domain, StringComparer.Ordinal)
            .ToList();
        if (common.Count == 0)
        {
            plan.Keep(rule, [$"{ids} (personal data): no e-mail domain is shared by many of the {People(domains.Count)} with an address, so none is proposed as the organisation's own."]);
            return;
        }

        var counted = string.Join(", ", common.Select(entry => $"{entry.Domain} {Number(entry.Count)}"));
        plan.Set(
            rule,
            [
                $"{Number(common.Sum(entry => entry.Count))} of the {People(domains.Count)} with an e-mail address have one at the organisation's own domains ({counted}).",
                "A colleague's work address in a post is not personal data to remove; a private one (gmail.com, hotmail.com, any other domain) still is. Subdomains are included.",
            ],
            $"ignoreEmailDomains: {List(common.Select(entry => entry.Domain))}");
    }

    private static string Render(NetworkProfile profile, RuleSet packs, Plan plan)
    {
        var output = new StringBuilder();
        void Line(string text) => output.Append(text).Append('\n');
        void Comment(string indent, string text)
        {
            foreach (var line in Wrap(Clean(text), LineWidth - indent.Length - 2))
            {
                Line(indent + "# " + line);
            }
        }

        var name = profile.Name is { Length: > 0 } n ? $"{n}, read from {profile.Source}," : profile.Source;
        Line("# communityrules.yaml: a starter configuration written by `communityrules init`");
        Comment(string.Empty, $"for {name} as of {Date(profile.AsOf)}: {People(profile.People.Count(p => p.Kind == PersonKind.Person))}, {Plural(profile.Groups.Count, "group")}, {Plural(profile.Posts, "post")} and {Plural(profile.Comments, "comment")}.");
        Comment(string.Empty, "It builds on the bundled packs and changes only what does not fit this network; each value says why. Read it, change what you know better, and run: communityrules check --rules communityrules.yaml --data <the same data>");
        if (profile.DataIssues > 0)
        {
            Comment(string.Empty, $"{Plural(profile.DataIssues, "record")} could not be read and were left out of what was learnt; `check` lists them.");
        }

        if (profile.NewestActivity is { } newest && profile.AsOf - newest > TimeSpan.FromDays(30))
        {
            Comment(string.Empty, $"The newest post or comment is from {Date(newest)}, {(int)(profile.AsOf - newest).TotalDays} days before {Date(profile.AsOf)}: if the export ends there, run check (and init) with --as-of {Date(newest.AddDays(1))}, or every group looks quiet.");
        }

        Line("#");
        foreach (var text in Languages(profile, packs))
        {
            Comment(string.Empty, text);
        }

        var unservable = DataCoverage.Unservable(packs.Runtimes, profile.Capabilities).Select(runtime => runtime.Rule).Distinct().OrderBy(rule => plan.Order(rule.Id)).ToList();
        foreach (var rule in unservable)
        {
            var ids = string.Join(", ", new[] { rule.Id }.Concat(rule.Outcomes.Select(o => o.Descriptor.Id)));
            Comment(string.Empty, $"The data does not say {string.Join(" or ", DataCoverage.MissingFor(rule, profile.Capabilities))}, so {ids} ({rule.CheckKind}) will not run; each report says so once.");
        }

        Line(string.Empty);
        Line($"extends: [{string.Join(", ", Packs)}]");
        if (plan.Severities.Count > 0)
        {
            Line(string.Empty);
            Line("severity:");
            foreach (var (id, why) in plan.Severities.OrderBy(entry => plan.Order(entry.Id)))
            {
                foreach (var text in why)
                {
                    Comment("  ", text);
                }

                Line($"  {id}: none");
            }
        }

        if (plan.Options.Count > 0)
        {
            Line(string.Empty);
            Line("options:");
            foreach (var (rule, entries) in plan.Options.OrderBy(entry => plan.Order(entry.Key.Id)))
            {
                Line($"  {rule.Id}:");
                foreach (var (why, lines) in entries)
                {
                    foreach (var text in why)
                    {
                        Comment("    ", text);
                    }

                    foreach (var line in lines)
                    {
                        Line("    " + line);
                    }
                }
            }
        }

        if (plan.Kept.Count > 0)
        {
            Line(string.Empty);
            Line("# Kept as the packs have them:");
            foreach (var (_, text) in plan.Kept.OrderBy(entry => entry.Order))
            {
                Comment(string.Empty, "- " + text);
            }
        }

        return output.ToString();
    }

    private static IEnumerable<string> Languages(NetworkProfile profile, RuleSet packs)
    {
        var languages = profile.Languages;
        if (languages.Sampled == 0)
        {
            yield return "Languages: there are no posts or comments to tell them from.";
            yield break;
        }

        var shares = LanguageGuesser.Known.Select((language, i) => (language.Name, Count: languages.Counts[i]))
            .Where(entry => entry.Count > 0)
            .OrderByDescending(entry => entry.Count).ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .Select(entry => $"{entry.Name} {Percent(entry.Count, languages.Sampled)}");
        var unknown = languages.Sampled - languages.Guessed;
        var seen = languages.Guessed == 0 ? "none of Swedish, Norwegian, Danish, Finnish or English could be told" : string.Join(", ", shares);
        yield return $"Languages of {Plural(languages.Sampled, "post and comment text")} (a guess from common words): {seen}{(unknown > 0 && languages.Guessed > 0 ? $"; {Percent(unknown, languages.Sampled)} too short or mixed to tell" : string.Empty)}.";
        var termRules = packs.Rules.Where(rule => rule.CheckKind == "terms").Select(rule => rule.Id).ToList();
        if (termRules.Count > 0)
        {
            yield return $"The word lists of {string.Join(" and ", termRules)} hold Swedish, Norwegian, Danish, Finnish and English words in one list each: words of a language nobody writes here are never matched and cost nothing, so they stay.";
        }
    }

    private static List<(string Value, int Count)> Established(IEnumerable<string> values, int minimum) =>
        [.. values.GroupBy(value => value, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Value: g.OrderBy(v => v, StringComparer.Ordinal).First(), Count: g.Count()))
            .Where(entry => entry.Count >= minimum)
            .OrderByDescending(entry => entry.Count).ThenBy(entry => entry.Value, StringComparer.Ordinal)];

    /// <summary>"Sales 2, Marketing 1": the departments (else roles) of creators, most common first.</summary>
    private static string Describe(IEnumerable<Person> creators)
    {
        var parts = creators.Select(creator => creator.Department is { Length: > 0 } department ? department.Trim()
                : creator.Roles.FirstOrDefault(role => !string.IsNullOrWhiteSpace(role)) is { } role ? "role " + role.Trim() : "no department or role")
            .GroupBy(value => value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {Number(g.Count())}")
            .ToList();
        return parts.Count <= 5 ? string.Join(", ", parts) : string.Join(", ", parts.Take(5)) + $" and {Number(parts.Count - 5)} more";
    }

    private static string Examples(List<string> names) =>
        string.Join(", ", names.Take(3).Select(name => $"'{name}'")) + (names.Count > 3 ? $" and {Number(names.Count - 3)} more" : string.Empty);

    private static string Or(List<string> values) => values.Count switch
    {
        0 => string.Empty,
        1 => values[0],
        _ => string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1],
    };

    private static string People(long count) => count == 1 ? "1 person" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} people";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Yaml(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(double value) => value.ToString("0 %", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    /// <summary>A YAML double-quoted scalar: backslashes, quotes and control characters escaped, everything else as is.</summary>
    internal static string Quote(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => result.Append("\\\\"),
                '"' => result.Append("\\\""),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' => result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => result.Append(c),
            };
        }

        return result.Append('"').ToString();
    }

    /// <summary>Text from the data, safe in a comment: no line breaks or control characters.</summary>
    private static string Clean(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' ? ' ' : c);
        }

        return result.ToString();
    }

    /// <summary>Breaks a comment into lines of at most <paramref name="width"/> characters; later lines are indented by two.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var indent = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append("  ");
                indent = 2;
            }

            if (line.Length > indent)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > indent)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>What the configuration will say: rules switched off, options set, and values kept with the reason.</summary>
    private sealed class Plan(RuleSet packs)
    {
        public List<(string Id, IReadOnlyList<string> Why)> Severities { get; } = [];

        public Dictionary<Rule, List<(IReadOnlyList<string> Why, string[] Lines)>> Options { get; } = [];

        public List<(int Order, string Text)> Kept { get; } = [];

        public Rule? Find(string checkKind) => packs.Rules.FirstOrDefault(rule => rule.CheckKind == checkKind);

        public int Order(string id)
        {
            for (var i = 0; i < packs.Rules.Count; i++)
            {
                if (packs.Rules[i].Descriptors.Any(descriptor => descriptor.Id == id) || packs.Rules[i].Outcomes.Any(outcome => outcome.Descriptor.Id == id))
                {
                    return (i * 100) + (packs.Rules[i].Id == id ? 0 : 1);
                }
            }

            return int.MaxValue;
        }

        public void Off(string id, IReadOnlyList<string> why) => Severities.Add((id, why));

        public void Set(Rule rule, IReadOnlyList<string> why, params string[] lines)
        {
            if (!Options.TryGetValue(rule, out var entries))
            {
                entries = [];
                Options.Add(rule, entries);
            }

            entries.Add((why, lines));
        }

        public void Keep(Rule rule, IReadOnlyList<string> text)
        {
            Kept.Add((Order(rule.Id), string.Join(" ", text)));
        }
    }
}
