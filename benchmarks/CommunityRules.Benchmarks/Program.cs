using BenchmarkDotNet.Running;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/CommunityRules.Benchmarks -- --filter '*'
// Any BenchmarkDotNet option works after '--', for example '--filter *WholeRun*' or '--list flat'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
