// Compiled only once src/CommunityRules/PostChecker.cs exists (see the .csproj).
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>The engine for the latency harness.</summary>
internal static partial class BotLatency
{
    static partial void CreateEngine(int terms, ref Func<Post, int>? check, ref string name)
    {
        var checker = GuidelinesEngine.Load(terms);
        GuidelinesEngine.Verify(checker, terms);
        check = post => checker.Check(post).Count;
        name = "PostChecker.Check";
    }
}
