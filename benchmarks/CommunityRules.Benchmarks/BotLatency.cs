namespace CommunityRules.Benchmarks;

internal static class BotLatency
{
    public static void Run(string[] args) => throw new NotImplementedException();
}
