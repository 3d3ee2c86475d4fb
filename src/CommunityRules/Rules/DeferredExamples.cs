using System.Collections;

namespace CommunityRules.Rules;

/// <summary>
/// A bundled pack's rule examples, bound on first use: only <c>test</c> runs them, and binding them (small networks
/// deserialized through the snapshot's JSON metadata) was some 300 JIT-compiled methods of every run
/// (benchmarks/README.md, "Fixed cost of a run").
/// </summary>
internal sealed class DeferredExamples(Func<IReadOnlyList<RuleExample>> bind) : IReadOnlyList<RuleExample>
{
    private readonly Lazy<IReadOnlyList<RuleExample>> _examples = new(bind, LazyThreadSafetyMode.ExecutionAndPublication);

    public int Count => _examples.Value.Count;

    public RuleExample this[int index] => _examples.Value[index];

    public IEnumerator<RuleExample> GetEnumerator() => _examples.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
