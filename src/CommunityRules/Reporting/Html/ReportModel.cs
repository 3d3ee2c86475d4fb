using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>
/// What the HTML report shows, worked out once from an <see cref="AnalysisReport"/>: which section each finding goes
/// in (by the check of its rule, see <see cref="SectionOf"/>), the months the charts cover, and the activity, members and country of groups.
/// </summary>
internal sealed class ReportModel
{
    /// <summary>How many months before the run's moment an inactive group's sparkline shows, as the inactivity check's trend.</summary>
    public const int SparklineMonths = 6;

    /// <summary>How many months the activity heat-map shows at the most.</summary>
    public const int HeatMapMonths = 12;

    /// <summary>How many of the most active groups the heat-map shows, beside every group with findings.</summary>
    public const int MostActiveGroups = 30;

    /// <summary>How many rows the heat-map has at the most, so a network with thousands of flagged groups stays readable.</summary>
    public const int HeatMapRowLimit = 200;

    private readonly Dictionary<string, RuleInfo> _rules = new(StringComparer.Ordinal);
    private bool? _namesCarryCountries;

    public ReportModel(AnalysisReport report)
    {
        Report = report;
        Result = report.Result;
        Network = report.Result.Network;
        Summary = report.Result.Summary;

        foreach (var rule in report.RuleSet.Rules)
        {
            foreach (var descriptor in rule.Descriptors)
            {
                var stage = descriptor.Id == rule.Id
                    ? null
                    : rule.Outcomes.FirstOrDefault(outcome => outcome.Descriptor.Id == descriptor.Id)?.Outcome.Name;
                var (section, order) = SectionOf(rule.Check);
                _rules.TryAdd(descriptor.Id, new RuleInfo(rule.CheckKind, stage, report.RuleSet.GetSeverity(descriptor) != Severity.None, section, order));
            }
        }

        Visible = [.. Result.Diagnostics.Where(diagnostic => !diagnostic.IsSuppressed && diagnostic.Severity > Severity.Silent)];
        Suppressed = [.. Result.Diagnostics.Where(diagnostic => diagnostic.IsSuppressed)];
        SilentCount = Result.Diagnostics.Count(diagnostic => !diagnostic.IsSuppressed && diagnostic.Severity == Severity.Silent);

        var asOf = Summary.AsOf.UtcDateTime;

        // The month of the run's moment counts only when part of it has passed, as in the inactivity check's trend.
        LastMonth = MonthKey(asOf.Year, asOf.Month) - (asOf.Day == 1 && asOf.TimeOfDay == TimeSpan.Zero ? 1 : 0);
        Rules = report.ReportedRules;
    }

    public AnalysisReport Report { get; }

    public AnalysisResult Result { get; }

    public NetworkView Network { get; }

    public RunSummary Summary { get; }

    /// <summary>Gets the rules the report describes, as the JSON report lists them.</summary>
    public IReadOnlyList<ReportedRule> Rules { get; }

    /// <summary>Gets the findings the report lists: not suppressed, and above <see cref="Severity.Silent"/>, which is hidden from people.</summary>
    public IReadOnlyList<Diagnostic> Visible { get; }

    /// <summary>Gets the suppressed findings.</summary>
    public IReadOnlyList<Diagnostic> Suppressed { get; }

    /// <summary>Gets the number of silent findings, counted but not listed.</summary>
    public int SilentCount { get; }

    /// <summary>Gets the last whole or partial month before the run's moment, as a month key.</summary>
    public int LastMonth { get; }

    /// <summary>Gets the name of a network, or a stand-in.</summary>
    public string NetworkName => string.IsNullOrWhiteSpace(Result.Manifest?.Name) ? "Network" : Result.Manifest!.Name!;

    /// <summary>Makes a month key: months count from year 0, so keys sort in time order.</summary>
    public static int MonthKey(int year, int month) => (year * 12) + month - 1;

    /// <summary>Gets the year of a month key.</summary>
    public static int YearOf(int key) => key / 12;

    /// <summary>Gets the month, 1 to 12, of a month key.</summary>
    public static int MonthOf(int key) => (key % 12) + 1;

    /// <summary>Names a month key: <c>Apr 2026</c>.</summary>
    public static string MonthLabel(int key) => $"{HtmlText.MonthName(MonthOf(key))} {YearOf(key).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Gets the check kind of the rule that reported a finding, or <see langword="null"/> for the engine's own rules.</summary>
    public string? KindOf(Diagnostic diagnostic) => _rules.TryGetValue(diagnostic.Rule.Id, out var rule) ? rule.CheckKind : null;

    /// <summary>Gets the check kind of a rule id, or <see langword="null"/> for the engine's own rules.</summary>
    public string? KindOf(string ruleId) => _rules.TryGetValue(ruleId, out var rule) ? rule.CheckKind : null;

    /// <summary>Gets the stage of a finding: the name of its rule's outcome, or <c>help</c> for the rule's main finding.</summary>
    public string StageOf(Diagnostic diagnostic) =>
        _rules.TryGetValue(diagnostic.Rule.Id, out var rule) && rule.Outcome is { } outcome ? outcome : "help";

    /// <summary>
    /// Says which section of the report shows a check's findings, and where among the section's checks. A check that
    /// takes a built-in check's kind (a stand-in a host registers in its place) is shown where the built-in would be;
    /// every other check, a library user's own included, goes to <see cref="ReportSection.Other"/>.
    /// </summary>
    public static (ReportSection Section, int Order) SectionOf(Check check) =>
        SectionsByKind.GetValueOrDefault(check.Kind, (ReportSection.Other, 0));

    // The kinds as the built-in checks declare them, so the report holds no kind names of its own to fall out of step.
    private static readonly Dictionary<string, (ReportSection Section, int Order)> SectionsByKind =
        BuiltInChecks.Create().ToDictionary(check => check.Kind, SectionOfBuiltIn, StringComparer.Ordinal);

    private static (ReportSection Section, int Order) SectionOfBuiltIn(Check check) => check switch
    {
        DuplicatesCheck => (ReportSection.MergeCandidates, 0),
        InactivityCheck => (ReportSection.InactiveGroups, 0),
        CreationCheck => (ReportSection.Problems, 0),
        AdminsCheck => (ReportSection.Problems, 1),
        MembershipCheck => (ReportSection.Problems, 2),
        PrivacyCheck => (ReportSection.Problems, 3),
        LeadershipCheck => (ReportSection.Leadership, 0),
        UnansweredCheck => (ReportSection.Unanswered, 0),
        CrossPostingCheck => (ReportSection.CrossPosting, 0),
        PlacementCheck => (ReportSection.Placement, 0),
        _ => (ReportSection.Other, 0),
    };

    /// <summary>Gets a value indicating whether a rule whose findings a section shows ran in this run.</summary>
    public bool Ran(ReportSection section) => _rules.Values.Any(rule => rule.Enabled && rule.Section == section);

    /// <summary>Gets the check kinds of a section whose rules ran in this run, in the section's order.</summary>
    public IReadOnlyList<string> KindsRan(ReportSection section) =>
        [.. _rules.Values.Where(rule => rule.Enabled && rule.Section == section).OrderBy(rule => rule.Order).Select(rule => rule.CheckKind).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets where a rule's check comes among its section's checks; -1 for the engine's own rules.</summary>
    public int OrderInSection(string ruleId) => _rules.TryGetValue(ruleId, out var rule) ? rule.Order : -1;

    /// <summary>Gets the visible findings a section shows, in the run's order.</summary>
    public IReadOnlyList<Diagnostic> VisibleIn(ReportSection section) =>
        [.. Visible.Where(diagnostic => SectionOfFinding(diagnostic) == section)];

    /// <summary>Gets the visible findings that no section of their own shows.</summary>
    public IReadOnlyList<Diagnostic> VisibleOther() => VisibleIn(ReportSection.Other);

    private ReportSection SectionOfFinding(Diagnostic diagnostic) =>
        _rules.TryGetValue(diagnostic.Rule.Id, out var rule) ? rule.Section : ReportSection.Other;

    /// <summary>Gets a group's name, or its id when it has none or is not in the network.</summary>
    public string GroupName(string groupId) => Network.FindGroup(groupId)?.Name is { Length: > 0 } name ? name : groupId;

    /// <summary>Gets the name a finding's target shows: its name, else its id.</summary>
    public static string TargetName(Diagnostic diagnostic) =>
        diagnostic.Target.Name is { Length: > 0 } name ? name : diagnostic.Target.Id;

    /// <summary>Gets the posts and comments of a group per month, for the <paramref name="count"/> months that end with <see cref="LastMonth"/>.</summary>
    public int[] ActivityPerMonth(string groupId, int count)
    {
        var values = new int[count];
        var first = LastMonth - count + 1;
        foreach (var month in Network.GetActivity(groupId).Months)
        {
            var index = MonthKey(month.Year, month.Month) - first;
            if (index >= 0 && index < count)
            {
                values[index] += month.Posts + month.Comments;
            }
        }

        return values;
    }

    /// <summary>
    /// Gets the months the activity heat-map shows: up to <see cref="HeatMapMonths"/> ending with <see cref="LastMonth"/>,
    /// starting no earlier than the first month anyone wrote in. Empty when nothing dated was written.
    /// </summary>
    public IReadOnlyList<int> HeatMapPeriod()
    {
        var first = int.MaxValue;
        foreach (var group in Network.Groups)
        {
            foreach (var month in Network.GetActivity(group.Id).Months)
            {
                first = Math.Min(first, MonthKey(month.Year, month.Month));
                break;
            }
        }

        if (first > LastMonth)
        {
            return [];
        }

        var start = Math.Max(first, LastMonth - HeatMapMonths + 1);
        return [.. Enumerable.Range(start, LastMonth - start + 1)];
    }

    /// <summary>Gets the ids of the groups that a visible finding is about, a merge candidate's groups included.</summary>
    public IReadOnlySet<string> FlaggedGroups()
    {
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in Visible)
        {
            if (diagnostic.Target.Kind == TargetKind.Group)
            {
                flagged.Add(diagnostic.Target.Id);
            }

            if (SectionOfFinding(diagnostic) == ReportSection.MergeCandidates)
            {
                flagged.UnionWith(MergeCluster.From(diagnostic).GroupIds);
            }
        }

        return flagged;
    }

    /// <summary>
    /// Gets a group's country: the name's two-letter prefix (<c>SE-Ekonomi</c>, <c>se-ekonomi</c>) when the network's
    /// names use such prefixes as their convention, else the creator's country, else <c>unknown</c>.
    /// </summary>
    public string CountryOf(Group group) =>
        NamesCarryCountries && TwoLetterPrefix(group.Name) is { } prefix
            ? prefix
            : Network.FindPerson(group.CreatedBy)?.Country?.Trim() is { Length: > 0 } country ? country.ToUpperInvariant() : "unknown";

    /// <summary>
    /// Gets a value indicating whether at least half of the named groups start with two letters and a hyphen: then the
    /// prefix is the network's way of naming the country, read from the data rather than from a list of countries; an
    /// odd <c>IT-Support</c> in a network without the convention stays with its creator's country.
    /// </summary>
    private bool NamesCarryCountries => _namesCarryCountries ??= Network.Groups.Count(group => TwoLetterPrefix(group.Name) is not null) * 2
        >= Math.Max(1, Network.Groups.Count(group => !string.IsNullOrWhiteSpace(group.Name)));

    private static string? TwoLetterPrefix(string? name) =>
        name is { Length: >= 4 } && char.IsAsciiLetter(name[0]) && char.IsAsciiLetter(name[1]) && name[2] == '-'
            ? string.Create(2, name, static (code, source) => { code[0] = char.ToUpperInvariant(source[0]); code[1] = char.ToUpperInvariant(source[1]); })
            : null;

    /// <summary>What the report knows of a rule id: its check kind, its outcome's name, whether it ran, and where the report shows it.</summary>
    private sealed record RuleInfo(string CheckKind, string? Outcome, bool Enabled, ReportSection Section, int Order);
}

/// <summary>The sections of the HTML report that show one check's findings their own way; see <see cref="ReportModel.SectionOf"/>.</summary>
internal enum ReportSection
{
    /// <summary>The compact section of every other finding, by rule.</summary>
    Other,

    /// <summary>Merge candidates: the <c>duplicates</c> check's clusters.</summary>
    MergeCandidates,

    /// <summary>Inactive groups, with their sparklines.</summary>
    InactiveGroups,

    /// <summary>Creation and admin problems: one table per rule.</summary>
    Problems,

    /// <summary>Leadership participation.</summary>
    Leadership,

    /// <summary>Unanswered questions.</summary>
    Unanswered,

    /// <summary>Cross-posting clusters.</summary>
    CrossPosting,

    /// <summary>Posts in the wrong group.</summary>
    Placement,
}

/// <summary>
/// A merge candidate as the <c>duplicates</c> check reports it: the groups of one cluster (property <c>groupIds</c>,
/// comma-separated, the one to keep first or named by <c>keepId</c>) and the evidence (<c>evidence</c>, pairs joined
/// with <c>"; "</c>) and how well the cluster holds together (<c>cohesion</c>, the average score of its pairs).
/// </summary>
/// <param name="Finding">The finding.</param>
/// <param name="GroupIds">The groups, the one to keep first.</param>
/// <param name="KeepId">The group to keep, if known.</param>
/// <param name="Evidence">The evidence, one item per pair.</param>
/// <param name="Cohesion">The cluster's cohesion as the check wrote it, if it did.</param>
internal sealed record MergeCluster(Diagnostic Finding, IReadOnlyList<string> GroupIds, string? KeepId, IReadOnlyList<string> Evidence, string? Cohesion = null)
{
    public static MergeCluster From(Diagnostic finding)
    {
        var properties = finding.Properties;
        var ids = (properties.GetValueOrDefault("groupIds") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (ids.Count == 0 && finding.Target.Kind == TargetKind.Group)
        {
            ids.Add(finding.Target.Id);
        }

        var keep = properties.GetValueOrDefault("keepId")?.Trim() is { Length: > 0 } keepId ? keepId : ids.FirstOrDefault();
        if (keep is not null)
        {
            ids.Remove(keep);
            ids.Insert(0, keep);
        }

        var evidence = (properties.GetValueOrDefault("evidence") ?? string.Empty)
            .Split("; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var cohesion = properties.GetValueOrDefault("cohesion")?.Trim() is { Length: > 0 } value ? value : null;
        return new MergeCluster(finding, ids, keep, evidence, cohesion);
    }
}
