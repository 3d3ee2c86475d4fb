using System.ComponentModel.DataAnnotations;
using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>A term to avoid and the word or phrase to write instead.</summary>
internal sealed class TermSuggestion
{
    /// <summary>Gets or sets the term to avoid, such as <c>blacklist</c>.</summary>
    public string Term { get; set; } = string.Empty;

    /// <summary>Gets or sets what to write instead, such as <c>blocklist</c>.</summary>
    public string Use { get; set; } = string.Empty;
}

/// <summary>The options of the <c>terms</c> check.</summary>
internal sealed class TermsOptions
{
    /// <summary>Gets or sets the words and phrases to find, such as <c>confidential</c> or <c>internal only</c>; case is ignored.</summary>
    public IReadOnlyList<string> Terms { get; set; } = [];

    /// <summary>Gets or sets a file of words and phrases, one a line, relative to the rule file; lines starting with # are comments. Lists of 100,000 terms work.</summary>
    public string? TermsFile { get; set; }

    /// <summary>Gets or sets terms to avoid, each with the word to use instead; the finding names the replacement in {suggestion}.</summary>
    public IReadOnlyList<TermSuggestion> Suggest { get; set; } = [];

    /// <summary>Gets or sets how a term must appear to count: as a whole word or phrase, or anywhere, even inside a word.</summary>
    [AllowedValues(TermMatch.WholeWord, TermMatch.Substring)]
    public TermMatch Match { get; set; } = TermMatch.WholeWord;

    /// <summary>Gets or sets a value indicating whether letters match without their marks, so 'hälsa' also finds 'halsa' and 'Ångström' finds 'angstrom'.</summary>
    public bool FoldDiacritics { get; set; }

    /// <summary>Gets or sets the fields to read: title and text of a post (the default), or the text only. Comments have only a text.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }
}

/// <summary>Finds listed words and phrases in posts and comments, and suggests what to write instead.</summary>
internal sealed class TermsCheck : Check<TermsOptions>
{
    /// <inheritdoc/>
    public override string Kind => "terms";

    /// <inheritdoc/>
    public override string Description => "Posts and comments avoid listed words and phrases; a suggestion names what to write instead.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["term", "match", "suggestion", "position", "field", "reason"];

    /// <inheritdoc/>
    protected override void Validate(TermsOptions options, CheckOptionsContext context)
    {
        PostFields.Validate(options.Fields, context);
        if (options.TermsFile is { } file)
        {
            var fromFile = context.ReadListFile("termsFile", file);
            if (fromFile.Count == 0 && !context.HasErrors)
            {
                context.ReportError("termsFile", $"The terms file '{file}' has no terms; write one word or phrase a line.");
            }

            options.Terms = [.. options.Terms, .. fromFile];
            options.TermsFile = null;
        }
        else if (options.Terms.Count == 0 && options.Suggest.Count == 0)
        {
            context.ReportError("terms", "The terms check has nothing to find; list words under 'terms', give a 'termsFile', or pairs under 'suggest'.");
        }

        if (options.Terms.Any(string.IsNullOrWhiteSpace))
        {
            context.ReportError("terms", "A term is empty; remove the empty entry.");
        }

        foreach (var pair in options.Suggest)
        {
            if (string.IsNullOrWhiteSpace(pair.Term) || string.IsNullOrWhiteSpace(pair.Use))
            {
                context.ReportError("suggest", "Each suggestion needs both 'term' (what to avoid) and 'use' (what to write instead), such as '{ term: blacklist, use: blocklist }'.");
                break;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Only its text contribution, whose fields the engine adds.</remarks>
    private protected override Data.RecordFields GetFieldsRead(TermsOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, TermsOptions options)
    {
        // A term listed both plainly and with a suggestion is reported once, with the suggestion.
        var suggested = options.Suggest.Select(pair => pair.Term.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        TermSpec[] terms = [
            .. options.Terms.Where(term => !suggested.Contains(term.Trim())).Select(term => new TermSpec(term.Trim(), null)),
            .. options.Suggest.Select(pair => new TermSpec(pair.Term.Trim(), pair.Use.Trim()))];
        context.RegisterText(new TermContribution(terms, options.Match, options.FoldDiacritics, PostFields.Resolve(options.Fields, context.Target)));
    }
}
