// Shown in docs/api.md ("Report"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Rules;

namespace CommunityRules.ApiExamples;

public static class WriteReport
{
    public static async Task RunAsync(AnalysisResult result, RuleSet ruleSet, string sarifFile, CancellationToken cancellationToken)
    {
        var report = new AnalysisReport(result, ruleSet, toolVersion: "my-host 1.0", ruleFiles: ["communityrules.yaml"]);

        // The same report goes to JsonReportWriter, SarifReportWriter or HtmlReportWriter.
        await using var output = File.Create(sarifFile);
        await new SarifReportWriter().WriteAsync(report, output, cancellationToken);
    }
}
