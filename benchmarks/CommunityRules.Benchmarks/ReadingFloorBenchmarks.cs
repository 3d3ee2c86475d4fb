using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The reading floor of issue 14: a bare <see cref="Utf8JsonReader"/> pass over the six snapshot files (the same file
/// opening, gzip checking and line splitting as <see cref="SnapshotProvider"/>, every token read, no object made),
/// beside <see cref="SnapshotProvider"/> reading the records (every field, and with the field projection of the
/// governance pack, of governance + posting-guidelines and of the three default packs) and a whole check of the
/// governance and posting-guidelines packs. The Ratio column is each against the floor.
/// </summary>
[Config(typeof(ReadingFloorConfig))]
public class ReadingFloorBenchmarks
{
    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _ruleSet = null!;
    private string _folder = null!;
    private RecordFields _governanceFields;
    private RecordFields _twoPackFields;
    private RecordFields _defaultPackFields;

    /// <summary>Gets the snapshot folder, once set up.</summary>
    internal string Folder => _folder;

    /// <summary>Gets or sets the number of top-level posts; people and groups grow with it (<see cref="SnapshotCache.OptionsFor"/>).</summary>
    [Params(120_000, 1_000_000)]
    public int Posts { get; set; }

    /// <summary>Loads the packs, finds (or generates) the snapshot, and checks that the floor and the reader see the same records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = Load("builtin:governance", "builtin:posting-guidelines");
        _twoPackFields = _ruleSet.Fields;
        _governanceFields = Load("builtin:governance").Fields;
        _defaultPackFields = Load("builtin:governance", "builtin:posting-guidelines", "builtin:community").Fields;
        _folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));

        var floor = ReadingFloor(_folder);
        var read = ReadSnapshot().GetAwaiter().GetResult();
        Console.WriteLine($"// Sanity: {Posts} posts; the floor read {floor.Lines} lines ({floor.Tokens} tokens), the reader {read} records; " +
            $"fields read: governance {_governanceFields}; governance + posting-guidelines {_twoPackFields}; default packs {_defaultPackFields}");
        if (floor.Lines < read || read < Posts)
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: the floor read {floor.Lines} lines and the reader {read} records.");
        }
    }

    /// <summary>Every token of every line of the six files through a <see cref="Utf8JsonReader"/>, and nothing else.</summary>
    /// <returns>The number of tokens read.</returns>
    [Benchmark(Baseline = true, Description = "Utf8JsonReader pass")]
    public long Utf8JsonReaderPass() => ReadingFloor(_folder).Tokens;

    /// <summary>Every record of the six files through <see cref="SnapshotProvider"/>, counted and dropped.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Description = "Read snapshot")]
    public Task<long> ReadSnapshot() =>
        RecordCounting.ReadEveryRecordAsync(new SnapshotProvider(_folder), new CountingIssueReporter());

    /// <summary>Every record through <see cref="SnapshotProvider"/> with the governance pack's projection: what a run of that pack reads.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Description = "Read snapshot, governance's fields")]
    public Task<long> ReadGovernanceFields() => ReadWith(_governanceFields);

    /// <summary>Every record with the projection of the governance and posting-guidelines packs.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Description = "Read snapshot, governance + posting-guidelines' fields")]
    public Task<long> ReadTwoPackFields() => ReadWith(_twoPackFields);

    /// <summary>Every record with the projection of the three default packs.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Description = "Read snapshot, default packs' fields")]
    public Task<long> ReadDefaultPackFields() => ReadWith(_defaultPackFields);

    /// <summary>A whole run of the governance and posting-guidelines packs, findings counted and not kept.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Check (governance + posting-guidelines)")]
    public async Task<int> CheckBothPacks()
    {
        var result = await _engine.AnalyzeAsync(_ruleSet, new SnapshotProvider(_folder)).ConfigureAwait(false);
        return result.Diagnostics.Count;
    }

    internal Task<long> ReadWith(RecordFields fields) =>
        RecordCounting.ReadEveryRecordAsync(new SnapshotProvider(_folder).WithFields(fields), new CountingIssueReporter());

    private static RuleSet Load(params string[] packs)
    {
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load(packs);
        return load.RuleSet ?? throw new InvalidOperationException(
            "the packs did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));
    }

    /// <summary>The floor: the files opened, checked and split into lines as the reader does, each line's tokens read.</summary>
    internal static (long Lines, long Tokens) ReadingFloor(string folder, FloorStrings strings = FloorStrings.None)
    {
        long lines = 0;
        long tokens = 0;
        foreach (var name in SnapshotFiles.Records)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                path += ".gz";
                if (!File.Exists(path))
                {
                    continue;
                }
            }

            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                stream = new CheckedGZipStream(stream);
            }

            using var reader = new JsonLinesReader(stream, path);
            while (reader.ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                var line = reader.Current.Span;
                if (JsonLinesReader.IsBlank(line))
                {
                    continue;
                }

                lines++;
                var json = new Utf8JsonReader(line);
                var decode = false;
                while (json.Read())
                {
                    if (json.TokenType == JsonTokenType.PropertyName)
                    {
                        decode = strings == FloorStrings.All || (strings == FloorStrings.AllButText && !IsText(json.ValueSpan));
                    }

                    tokens += decode && json.TokenType == JsonTokenType.String ? json.GetString()!.Length : 1;
                }
            }
        }

        return (lines, tokens);
    }

    private static bool IsText(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("text"u8) || name.SequenceEqual("title"u8) || name.SequenceEqual("name"u8) || name.SequenceEqual("email"u8) || name.SequenceEqual("description"u8);
}

/// <summary>Which string values the floor also decodes, to see what decoding costs (<see cref="ReadingFloorHarness"/>).</summary>
internal enum FloorStrings
{
    /// <summary>None: the floor itself.</summary>
    None,

    /// <summary>Every string value, as reading every field of every record must.</summary>
    All,

    /// <summary>Every string value but the free text (text, title, name, e-mail, description): what a projection without text would decode.</summary>
    AllButText,
}

/// <summary>
/// <see cref="BenchmarkConfig"/> with fewer iterations: a whole check of a million posts takes tens of seconds, so
/// each case runs 2 warm-up and 5 measured iterations (about 10 minutes for the six cases on the 2-core machine).
/// </summary>
public sealed class ReadingFloorConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="ReadingFloorConfig"/> class.</summary>
    public ReadingFloorConfig()
    {
        var shared = new BenchmarkConfig();
        ArtifactsPath = shared.ArtifactsPath;
        SummaryStyle = shared.SummaryStyle;

        // BenchmarkDotNet's own build of the project takes minutes on a loaded 2-core machine (its default limit is 2).
        BuildTimeout = TimeSpan.FromMinutes(15);
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("Floor"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
    }
}

/// <summary>
/// <c>-- reading-floor [posts…] [--rounds N]</c>: the floor and the reader of <see cref="ReadingFloorBenchmarks"/>
/// alternated in one process, round after round, with the fastest and the median of each and the ratio of the
/// fastest: steadier than separate processes on a loaded machine, where a slow round is the neighbours', not ours.
/// </summary>
internal static class ReadingFloorHarness
{
    public static void Run(string[] args)
    {
        var rounds = 7;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds")
            {
                rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                sizes.Add(int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var posts in sizes.Count > 0 ? sizes : [120_000, 1_000_000])
        {
            var benchmarks = new ReadingFloorBenchmarks { Posts = posts };
            benchmarks.Setup();
            (string Name, Func<long> Run)[] cases =
            [
                ("floor", () => benchmarks.Utf8JsonReaderPass()),
                ("reader, every field", () => benchmarks.ReadSnapshot().GetAwaiter().GetResult()),
                ("reader, governance's fields", () => benchmarks.ReadGovernanceFields().GetAwaiter().GetResult()),
                ("reader, governance + posting-guidelines' fields", () => benchmarks.ReadTwoPackFields().GetAwaiter().GetResult()),
                ("reader, default packs' fields", () => benchmarks.ReadDefaultPackFields().GetAwaiter().GetResult()),
                ("the floor decoding every string", () => ReadingFloorBenchmarks.ReadingFloor(benchmarks.Folder, FloorStrings.All).Tokens),
                ("the floor decoding every string but the free text", () => ReadingFloorBenchmarks.ReadingFloor(benchmarks.Folder, FloorStrings.AllButText).Tokens),
            ];
            var wall = cases.Select(_ => new List<double>()).ToArray();
            var cpu = cases.Select(_ => new List<double>()).ToArray();
            var bytes = new long[cases.Length];
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < cases.Length; i++)
                {
                    var (elapsed, processor) = Time(cases[i].Run, ref bytes[i]);
                    wall[i].Add(elapsed);
                    cpu[i].Add(processor);
                }
            }

            // Wall time as before; CPU time (the process's, all threads) beside it, less disturbed by a loaded machine.
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{posts:N0} posts, {rounds} rounds, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end:"));
            foreach (var list in wall.Concat(cpu))
            {
                list.Sort();
            }

            for (var i = 0; i < cases.Length; i++)
            {
                Console.WriteLine(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"  {cases[i].Name,-50} {wall[i][0],7:N0} ms (median {wall[i][rounds / 2],7:N0}), ratio {wall[i][0] / wall[0][0]:N2} (medians {wall[i][rounds / 2] / wall[0][rounds / 2]:N2}); " +
                    $"CPU {cpu[i][0],7:N0} ms, ratio {cpu[i][0] / cpu[0][0]:N2}; {bytes[i] / rounds / 1e6:N1} MB"));
            }
        }
    }

    private static (double Wall, double Cpu) Time(Func<long> run, ref long bytes)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _ = run();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        bytes += GC.GetTotalAllocatedBytes(precise: true) - before;
        return (elapsed, cpu);
    }
}
