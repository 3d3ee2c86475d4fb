using System.IO.Compression;
using System.Reflection;
using CommunityRules.Cli;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.ExportWriters;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Data.Conformance;

/// <summary>
/// One network, written by the tests in every export format, read back by each provider and checked with the bundled
/// packs: every format gives the reference's findings, except the rules its data cannot serve, which the run names
/// once in a data note. Layering a snapshot with what the format lacks turns those rules back on.
/// </summary>
public sealed class ConformanceTests : IDisposable
{
    private static readonly IExportWriter[] Writers =
    [
        .. typeof(IExportWriter).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IExportWriter).IsAssignableFrom(type))
            .Select(type => (IExportWriter)Activator.CreateInstance(type)!)
            .OrderBy(writer => writer.Format, StringComparer.Ordinal),
    ];

    private static readonly Lazy<Dictionary<string, string>> OwningRules = new(() => LoadPacks().Runtimes
        .SelectMany(rule => rule.Rule.Descriptors.Select(descriptor => (Finding: descriptor.Id, Rule: rule.Rule.Id)))
        .DistinctBy(pair => pair.Finding)
        .ToDictionary(pair => pair.Finding, pair => pair.Rule, StringComparer.Ordinal));

    private readonly string _root = Directory.CreateTempSubdirectory("communityrules-conformance-").FullName;

    public static TheoryData<string> Formats => [.. Writers.Select(writer => writer.Format)];

    // The formats whose exports come as one .zip file as well as a folder.
    public static TheoryData<string> ZipFormats => [.. Writers.Select(writer => writer.Format).Where(format => format != "snapshot")];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_format_the_command_line_knows_has_a_writer()
    {
        Assert.Equal(DataFormats.All.Select(format => format.Name).Order(StringComparer.Ordinal), Writers.Select(writer => writer.Format));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_export_is_recognised_as_its_own_format_and_no_other(string format)
    {
        var folder = Write(format);

        var recognised = DataFormats.All.Where(candidate => candidate.Recognizes(folder)).Select(candidate => candidate.Name);

        Assert.Equal([format], recognised);
        await Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_format_gives_the_reference_findings_except_rules_it_cannot_serve(string format)
    {
        var folder = Write(format);
        var provider = Resolve(folder).Build();

        var result = await RunAsync(provider);
        var reference = await RunAsync(ConformanceNetwork.Create().ToInMemory());

        Assert.Empty(result.DataIssues);
        var skipped = result.DataNotes.SelectMany(note => note.SkippedRules).ToHashSet(StringComparer.Ordinal);
        // Every format can hold descriptions; whether a network has any is judged from its data.
        Assert.Equal(RulesNeedingMoreThan(provider.Capabilities | DataCapabilities.Descriptions), skipped.Order(StringComparer.Ordinal));
        Assert.Equal(Findings(reference).Where(finding => !skipped.Contains(RuleOf(finding.Split(' ')[0]))), Findings(result));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Layering_a_snapshot_with_what_the_format_lacks_turns_every_rule_back_on(string format)
    {
        var folder = Write(format);
        var complement = Path.Combine(_root, format + "-complement");
        var full = ConformanceNetwork.Create();
        var people = new ExportNetwork { Name = full.Name, AsOf = full.AsOf };
        people.People.AddRange(full.People);
        people.Groups.AddRange(full.Groups);
        people.Memberships.AddRange(full.Memberships);
        new SnapshotExportWriter().Write(people, complement);

        var layered = new NetworkSourceBuilder().AddSource(Resolve(folder)).AddSnapshot(complement).Build();
        var result = await RunAsync(layered);
        var reference = await RunAsync(full.ToInMemory());

        Assert.DoesNotContain(result.DataNotes, note => note.SkippedRules.Count > 0);
        Assert.Equal(Findings(reference), Findings(result));
    }

    [Theory]
    [MemberData(nameof(ZipFormats))]
    public async Task A_zip_of_the_export_reads_like_the_folder(string format)
    {
        var folder = Write(format);
        var zip = folder + ".zip";
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: false, System.Text.Encoding.UTF8);

        var fromFolder = await RunAsync(Resolve(folder).Build());
        var fromZip = await RunAsync(Resolve(zip).Build());

        Assert.NotEmpty(Findings(fromZip));
        Assert.Equal(Findings(fromFolder), Findings(fromZip));
    }

    private static INetworkSource Resolve(string path)
    {
        var (source, error) = DataFormats.Resolve(path);
        Assert.True(source is not null, error);
        return source!;
    }

    private static RuleSet LoadPacks()
    {
        var load = TestInputs.CreateLoader().LoadText("extends: [builtin:governance, builtin:posting-guidelines]\n", "conformance.yaml");
        Assert.True(load.Success, string.Join(Environment.NewLine, load.Errors));
        return load.RuleSet!;
    }

    private static IEnumerable<string> RulesNeedingMoreThan(DataCapabilities known) =>
        LoadPacks().Runtimes
            .Where(rule => rule.IsActive && (rule.Rule.Check.RequiredDataFor(rule.Rule.Options) & ~known) != DataCapabilities.None)
            .Select(rule => rule.Rule.Id)
            .Order(StringComparer.Ordinal);

    // A finding's id may be one of its rule's outcomes (GOV012 of GOV010); a skipped rule skips all of them.
    private static string RuleOf(string findingId) => OwningRules.Value.GetValueOrDefault(findingId, findingId);

    private static Task<AnalysisResult> RunAsync(INetworkProvider provider) =>
        new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(LoadPacks(), provider, new AnalysisOptions { AsOf = ConformanceNetwork.AsOf });

    // A finding as a community manager reads it: rule, what it is about (by name, as ids differ between formats) and message.
    private static List<string> Findings(AnalysisResult result) =>
    [
        .. result.Diagnostics
            .Select(finding => $"{finding.Rule.Id} {finding.Target.KindName} {About(finding, result)}: {finding.Message}")
            .Order(StringComparer.Ordinal),
    ];

    private static string About(Diagnostic finding, AnalysisResult result) => finding.Target.Kind switch
    {
        TargetKind.Group => finding.Target.Name ?? finding.Target.Id,
        TargetKind.Person => result.Network.FindPerson(finding.Target.Id)?.Name ?? finding.Target.Id,
        _ => $"in {result.Network.FindGroup(finding.Target.GroupId)?.Name ?? finding.Target.GroupId}",
    };

    private string Write(string format)
    {
        var folder = Path.Combine(_root, format);
        Writers.Single(writer => writer.Format == format).Write(ConformanceNetwork.Create(), folder);
        return folder;
    }
}
