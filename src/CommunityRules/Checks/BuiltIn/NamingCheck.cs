using System.Text;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>naming</c> check.</summary>
internal sealed class NamingOptions
{
    /// <summary>Gets or sets a .NET regular expression the name must match somewhere; anchor it with ^ and $ to cover the whole name, such as <c>^(SE|NO|DK|FI)-\p{Lu}.*$</c>. Case matters unless the pattern starts with (?i).</summary>
    public string? Pattern { get; set; }

    /// <summary>Gets or sets the pattern in plain words, such as <c>a country code, a hyphen and a capitalised topic</c>; findings then say this instead of showing the regular expression.</summary>
    public string? PatternDescription { get; set; }

    /// <summary>Gets or sets a naming template in the Microsoft 365 style, such as <c>[CountryOrRegion]-[GroupName]</c>: the name must start with the text before [GroupName] and end with the text after it, with the creator's [Department], [Company], [Office], [CountryOrRegion] and [Title] filled in. Other bracketed words are literal text.</summary>
    public string? Template { get; set; }

    /// <summary>Gets or sets the fewest characters a name may have.</summary>
    public int? MinLength { get; set; }

    /// <summary>Gets or sets the most characters a name may have.</summary>
    public int? MaxLength { get; set; }

    /// <summary>Gets or sets words and phrases a name must not contain, such as <c>test</c> or <c>temp</c>; case is ignored.</summary>
    public IReadOnlyList<string> BlockedWords { get; set; } = [];

    /// <summary>Gets or sets a file of blocked words and phrases, one a line, relative to the rule file; lines starting with # are comments.</summary>
    public string? BlockedWordsFile { get; set; }

    /// <summary>Gets or sets how a blocked word must appear to count: as a whole word, as the exact name, or anywhere.</summary>
    public TermMatch Match { get; set; } = TermMatch.WholeWord;

    /// <summary>Gets or sets the pattern as validation compiled it, so the rule does not build the same automaton twice.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal System.Text.RegularExpressions.Regex? CompiledPattern { get; set; }
}

/// <summary>Checks group names: a pattern, a Microsoft 365 style template, length limits and blocked words.</summary>
internal sealed class NamingCheck : Check<NamingOptions>
{
    private const string GroupNameToken = "[GroupName]";

    /// <inheritdoc/>
    public override string Kind => "naming";

    /// <inheritdoc/>
    public override string Description => "Group names follow the naming convention: a pattern, a template, length limits and blocked words.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    protected override void Validate(NamingOptions options, CheckOptionsContext context)
    {
        if (options.Pattern is { } pattern)
        {
            options.CompiledPattern = context.CompileRegex("pattern", pattern);
        }

        if (options.Template is { } template && !template.Contains(GroupNameToken, StringComparison.Ordinal))
        {
            context.ReportError("template", $"The template '{template}' has no {GroupNameToken}; write where the group's own name goes, such as 'SE-{GroupNameToken}'.");
        }

        if (options.MinLength is < 0 || options.MaxLength is < 1 || (options.MinLength > options.MaxLength))
        {
            context.ReportError(options.MinLength > options.MaxLength ? "minLength" : options.MinLength is < 0 ? "minLength" : "maxLength", "The length limits are not possible: minLength must be 0 or more, maxLength 1 or more, and minLength at most maxLength.");
        }

        var hasListFile = options.BlockedWordsFile is not null;
        if (options.BlockedWordsFile is { } file)
        {
            options.BlockedWords = [.. options.BlockedWords, .. context.ReadListFile("blockedWordsFile", file)];
            options.BlockedWordsFile = null;
        }

        if (!hasListFile && options.Pattern is null && options.Template is null && options.MinLength is null && options.MaxLength is null && options.BlockedWords.Count == 0)
        {
            context.ReportError("pattern", "The naming check has nothing to check; set at least one of pattern, template, minLength, maxLength or blockedWords.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Groups' names and their creators: no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(NamingOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, NamingOptions options)
    {
        var pattern = options.CompiledPattern;
        var blocked = options.BlockedWords.Count > 0 ? new PhraseMatcher(options.BlockedWords, options.Match) : null;
        context.RegisterGroupAction(group =>
        {
            var name = group.Group.Name ?? string.Empty;
            var reasons = new List<string>();
            if (options.MinLength is { } min && name.Length < min)
            {
                reasons.Add($"it is {Characters(name.Length)} long; the minimum is {min}");
            }

            if (options.MaxLength is { } max && name.Length > max)
            {
                reasons.Add($"it is {Characters(name.Length)} long; the maximum is {max}");
            }

            if (pattern is not null && !pattern.IsMatch(name))
            {
                reasons.Add(options.PatternDescription is { } description ? $"it is not {description}" : $"it does not match the pattern {options.Pattern}");
            }

            if (options.Template is { } template && TemplateProblem(template, name, group.Network.FindPerson(group.Group.CreatedBy)) is { } problem)
            {
                reasons.Add(problem);
            }

            if (blocked?.FindFirst(name) is { } word)
            {
                reasons.Add(options.Match == TermMatch.Exact ? $"the name '{word}' is blocked" : $"it contains the blocked word '{word}'");
            }

            if (reasons.Count > 0)
            {
                group.Report(new MessageArgument("reason", string.Join("; ", reasons)));
            }
        });
    }

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count} characters";

    private static string? TemplateProblem(string template, string name, Person? creator)
    {
        var split = template.IndexOf(GroupNameToken, StringComparison.Ordinal);
        var missing = new List<string>();
        var prefix = Resolve(template[..split], creator, missing);
        var suffix = Resolve(template[(split + GroupNameToken.Length)..], creator, missing);
        if (missing.Count > 0)
        {
            var who = creator is null ? "the group's creator is not known" : $"the creator {creator.Name ?? creator.Id} has no {string.Join(" or ", missing)}";
            return $"it cannot be checked against the template '{template}' because {who}";
        }

        if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"it does not start with '{prefix}' (template '{template}')";
        }

        if (!name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return $"it does not end with '{suffix}' (template '{template}')";
        }

        return name.Length <= prefix.Length + suffix.Length || string.IsNullOrWhiteSpace(name[prefix.Length..^suffix.Length])
            ? $"it has no name between '{prefix}' and '{suffix}' (template '{template}')"
            : null;
    }

    /// <summary>Fills in the creator's attributes; brackets around any other word stay literal, as in Microsoft 365.</summary>
    private static string Resolve(string part, Person? creator, List<string> missing)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < part.Length)
        {
            var close = part[i] == '[' ? part.IndexOf(']', i) : -1;
            if (close < 0)
            {
                result.Append(part[i++]);
                continue;
            }

            var token = part[(i + 1)..close];
            (string Label, string? Value)? attribute = token switch
            {
                "Department" => ("department", creator?.Department),
                "Company" => ("company", creator?.Company),
                "Office" => ("office", creator?.Office),
                "CountryOrRegion" => ("country or region", creator?.Country),
                "Title" => ("title", creator?.Title),
                _ => null,
            };
            if (attribute is null)
            {
                result.Append(part, i, close - i + 1);
            }
            else if (string.IsNullOrEmpty(attribute.Value.Value))
            {
                missing.Add(attribute.Value.Label);
            }
            else
            {
                result.Append(attribute.Value.Value);
            }

            i = close + 1;
        }

        return result.ToString();
    }
}
