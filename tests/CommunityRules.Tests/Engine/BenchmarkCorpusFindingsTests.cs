using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommunityRules.Benchmarks;
using CommunityRules.Cli;
using CommunityRules.SampleNetwork;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// What <c>check</c> finds on a benchmark corpus — the generator's 40,000-post network (seed 2026, as the benchmarks
/// make it) with the three default packs and the 10,000-term rule file of the text benchmarks — against the counts and
/// digest committed in TestData/Expected. The speed and memory work changes the reader, the matcher and the engine;
/// this is what proves the findings stayed the same on more than the 12,000-post sample. A change that means to alter
/// findings updates the file (<see cref="ExpectedFindings"/>).
/// </summary>
public sealed class BenchmarkCorpusFindingsTests
{
    [Fact]
    public async Task The_40000_post_benchmark_corpus_gives_exactly_the_findings_on_record()
    {
        using var folder = new TempFolder();
        var network = folder.File("network");
        NetworkGenerator.WriteSnapshot(network, new NetworkGeneratorOptions { Seed = 2026, Posts = 40_000, Groups = 467, People = 5_000 });
        var termRules = TermLists.WriteRuleFile(10_000, folder.File("rules"));
        var report = folder.File("findings.jsonl");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(
            ["check", "-d", network, "-r", "builtin:governance", "-r", "builtin:posting-guidelines", "-r", "builtin:community", "-r", termRules, "--format", "jsonl", "-o", report],
            output,
            error,
            new FakeTimeProvider(TestInputs.ClockNow));
        Assert.True(exitCode == 1, $"check exited with {exitCode}: {error}");

        await ExpectedFindings.AssertMatchesAsync("benchmark-corpus-findings.txt", Summary(await File.ReadAllLinesAsync(report)));
    }

    /// <summary>
    /// Findings per rule and severity, then a SHA-256 over every finding's rule, severity, target, fingerprint and
    /// message in the order found: the counts say where a difference is, the digest that there is none.
    /// </summary>
    private static string Summary(string[] lines)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var finding = JsonDocument.Parse(line);
            var root = finding.RootElement;
            var key = root.GetProperty("ruleId").GetString() + " " + root.GetProperty("severity").GetString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
            var target = root.GetProperty("target");
            var listing = string.Join(
                '\t',
                key,
                target.GetProperty("kind").GetString(),
                target.TryGetProperty("groupId", out var group) ? group.GetString() : string.Empty,
                target.GetProperty("id").GetString(),
                root.GetProperty("fingerprint").GetString(),
                root.GetProperty("message").GetString()) + "\n";
            hash.AppendData(Encoding.UTF8.GetBytes(listing));
        }

        var text = new StringBuilder();
        foreach (var (key, count) in counts)
        {
            text.Append(key).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("total ").Append(counts.Values.Sum().ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("sha256 ").Append(Convert.ToHexStringLower(hash.GetHashAndReset())).Append('\n');
        return text.ToString();
    }
}
