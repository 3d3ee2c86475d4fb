using System.Diagnostics;
using System.Globalization;
using CommunityRules.SampleNetwork;

// Usage: dotnet run --project samples/CommunityRules.SampleNetwork -- --out samples/nordic-network [--posts N] [--seed N]
const string Usage = "Usage: CommunityRules.SampleNetwork --out <folder> [--posts <count>] [--seed <number>]";

string? folder = null;
var defaults = new NetworkGeneratorOptions();
var posts = defaults.Posts;
var seed = defaults.Seed;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--out" when value is not null:
            folder = value;
            break;
        case "--posts" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPosts):
            posts = parsedPosts;
            break;
        case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedSeed):
            seed = parsedSeed;
            break;
        default:
            Console.Error.WriteLine($"Unexpected or incomplete argument '{args[i]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }

    i++;
}

if (folder is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var stopwatch = Stopwatch.StartNew();
try
{
    NetworkGenerator.WriteSnapshot(folder, new NetworkGeneratorOptions { Posts = posts, Seed = seed });
}
catch (ArgumentOutOfRangeException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

Console.WriteLine($"Wrote a snapshot with {posts:N0} posts (seed {seed}) to {Path.GetFullPath(folder)} in {stopwatch.Elapsed.TotalSeconds:F1} s.");
return 0;
