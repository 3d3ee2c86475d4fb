using BenchmarkDotNet.Running;
using CommunityRules.Benchmarks;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/CommunityRules.Benchmarks -- --filter '*'
// Any BenchmarkDotNet option works after '--', for example '--filter *WholeRun*' or '--list flat'.
// Two harnesses outside BenchmarkDotNet:
//   -- latency [terms…]   the bot path: per-post latency percentiles and allocations (BotLatency)
//   -- bot-latency [--rounds N] [--slowest N] [--read-findings] [--loop clean|dirty SECONDS]  the bundled pack on the bot mix: percentiles, bytes per clean post, the slowest posts (BotMixLatency)
//   -- corpus             the text corpus and how often each term list and detector matches (CorpusReport)
//   -- export-memory [posts]  reading one network as snapshot, Slack and Viva Engage export: messages/s and peak memory
//   -- history [posts] [postgres]  the cost of check --history on a large run, and the store's size per run (HistoryCost)
//   -- crossposting-memory [posts]  reading, the engine with no rule and with COM003, each in its own process: peak memory
//   -- memory [--posts 1000000,5000000,10000000] [--organisation N]  the posting-guidelines pack, engine and check, per size: peak memory (MemoryScaling)
//   -- reading-floor [posts…] [--rounds N]  the snapshot reader against a bare Utf8JsonReader pass, alternated in one process (ReadingFloorHarness)
//   -- memory-probe FOLDER [none]  one engine run: the live heap when each phase starts and every 250,000 records (MemoryProbe)
//   -- two-cores [--rounds N] [--only CASE]  TwoCoresBenchmarks' cases alternated in one process: wall and CPU time (TwoCoresHarness)
switch (args.FirstOrDefault())
{
    case "latency":
        BotLatency.Run(args[1..]);
        break;
    case "bot-latency":
        BotMixLatency.Run(args[1..]);
        break;
    case "corpus":
        CorpusReport.Run();
        break;
    case "export-memory":
        ReadCounts.RunMemoryHarness(args[1..]);
        break;
    case "history":
        HistoryCost.Run(args[1..]);
        break;
    case "export-read":
        ReadCounts.RunRead(args[1..]);
        break;
    case "crossposting-memory":
        CrossPostingBenchmarks.RunMemoryHarness(args[1..]);
        break;
    case "memory":
        MemoryScaling.Run(args[1..]);
        break;
    case "reading-floor":
        ReadingFloorHarness.Run(args[1..]);
        break;
    case "memory-probe":
        MemoryProbe.Run(args[1..]);
        break;
    case "two-cores":
        TwoCoresHarness.Run(args[1..]);
        break;
    case "memory-run":
        MemoryScaling.RunOne(args[1..]);
        break;
    case "crossposting-run":
        CrossPostingBenchmarks.RunOne(args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
