using BenchmarkDotNet.Attributes;
using CommunityRules.Checks;
using CommunityRules.Rules;
using CommunityRules.Rules.Yaml;
using YamlDotNet.Core;

namespace CommunityRules.Benchmarks;

/// <summary>
/// Loading <c>builtin:governance</c>: the YAML parse alone (baseline), the parse into the position-keeping tree,
/// and the whole load (tree, JSON Schema validation of the file and of each check's options, binding), with a
/// loader that has already built its schema and with a new loader that builds it first, as each CLI run does.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class RuleSetLoadBenchmarks
{
    private const string Pack = "builtin:governance";
    private readonly IReadOnlyList<Check> _checks = BuiltInChecks.Create();
    private RuleSetLoader _loader = null!;
    private string _yaml = null!;

    /// <summary>Reads the bundled pack's text and warms a loader, and checks that the pack loads.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const string resource = "CommunityRules.BuiltinRules.governance.yaml";
        using (var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The core assembly has no resource '{resource}'."))
        using (var reader = new StreamReader(stream))
        {
            _yaml = reader.ReadToEnd();
        }

        _loader = new RuleSetLoader(_checks);
        var rules = Load().RuleSet ?? throw new InvalidOperationException($"{Pack} did not load.");
        if (rules.Runtimes.Count < 4)
        {
            throw new InvalidOperationException($"{Pack} loaded {rules.Runtimes.Count} rules; expected GOV001 to GOV004.");
        }

        if (ParseOnly() < 100 || ReadTree() is not YamlTreeMapping)
        {
            throw new InvalidOperationException($"The parse of {Pack} does not give a mapping of rules.");
        }
    }

    /// <summary>YamlDotNet's <see cref="Parser"/> over the pack's text, every event and nothing else: the floor.</summary>
    /// <returns>The number of parse events.</returns>
    [Benchmark(Baseline = true, Description = "YAML parse only")]
    public int ParseOnly()
    {
        var parser = new Parser(new StringReader(_yaml));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    /// <summary>The parse into <see cref="YamlTreeNode"/> tree with positions and the safety checks (no aliases, tags, deep nesting).</summary>
    /// <returns>The root of the tree (typed <see cref="object"/> because the tree types are internal).</returns>
    [Benchmark(Description = "YamlTreeReader.Read")]
    public object? ReadTree() => YamlTreeReader.Read(_yaml, Pack, new List<RuleError>());

    /// <summary>The whole load with a loader whose JSON Schema is already built (a long-lived host).</summary>
    /// <returns>The rule set.</returns>
    [Benchmark(Description = "Load (warm loader)")]
    public RuleSetLoadResult Load() => _loader.Load([Pack]);

    /// <summary>The whole load with a new loader, which first generates and compiles the JSON Schema (each CLI run).</summary>
    /// <returns>The rule set.</returns>
    [Benchmark(Description = "Load (new loader)")]
    public RuleSetLoadResult LoadWithNewLoader() => new RuleSetLoader(_checks).Load([Pack]);
}
