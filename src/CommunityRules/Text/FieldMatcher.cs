using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

/// <summary>Everything the text rules look for in one field of one kind of record, scanned in one call.</summary>
internal sealed class FieldMatcher
{
    private readonly TextField _field;
    private readonly TermMatcher? _terms;
    private readonly PersonalDataKinds _detectors;
    private readonly (int Binding, PersonalDataKinds Kinds, EmailPolicy Emails)[] _personalData;
    private readonly (int Binding, LinkContribution Policy)[] _links;
    private readonly (int Binding, SharedRegex Regex)[] _patterns;
    private readonly (int Binding, TextDetector Detector, SearchValues<char>? Starts)[] _custom;
    private readonly SearchValues<char>? _customStarts;
    private readonly (int Binding, ShoutingContribution Limit)[] _shouting;

    private FieldMatcher(TextBinding[] bindings, List<int> mine, TextField field)
    {
        _field = field;
        var terms = new List<(string, bool, TermMatch, object)>();
        var personalData = new List<(int, PersonalDataKinds, EmailPolicy)>();
        var links = new List<(int, LinkContribution)>();
        var patterns = new List<(int, SharedRegex)>();
        var custom = new List<(int, TextDetector, SearchValues<char>?)>();
        var shouting = new List<(int, ShoutingContribution)>();
        foreach (var index in mine)
        {
            switch (bindings[index].Contribution)
            {
                case TermContribution list:
                    terms.AddRange(list.Terms.Select(spec => (spec.Term, list.FoldDiacritics, list.Match, (object)new TermOwner(index, spec))));
                    break;
                case PersonalDataContribution detectors:
                    personalData.Add((index, detectors.Kinds, detectors.Emails));
                    _detectors |= detectors.Kinds;
                    break;
                case LinkContribution policy:
                    links.Add((index, policy));
                    break;
                case PatternContribution list:
                    patterns.AddRange(list.Shared.Select(regex => (index, regex)));
                    break;
                case DetectorContribution detector:
                    custom.Add((index, detector.Detector, detector.Detector.StartCharacters));
                    break;
                case ShoutingContribution limit:
                    shouting.Add((index, limit));
                    break;
            }
        }

        _terms = terms.Count > 0 ? TermMatcher.Create(terms) : null;
        _personalData = [.. personalData];
        _links = [.. links];
        _patterns = [.. patterns];
        _custom = [.. custom];
        _customStarts = custom.Count > 1 && custom.TrueForAll(entry => entry.Item3 is not null) ? UnionOf([.. custom.Select(entry => entry.Item3!)]) : null;
        _shouting = [.. shouting];
    }

    public static FieldMatcher? Create(TextBinding[] bindings, TargetKind target, TextField field)
    {
        var mine = Enumerable.Range(0, bindings.Length)
            .Where(i => bindings[i].Rule.Target == target && bindings[i].Contribution.Reads(field))
            .ToList();
        return mine.Count == 0 ? null : new FieldMatcher(bindings, mine, field);
    }

    /// <summary>
    /// Leaves out of one text's hits the patterns whose rule used up its budget on the texts before it in read order,
    /// as a scan on one thread would have; a scan on another thread may have run them before it could know.
    /// </summary>
    public void LeaveOutExhausted(ref TextHits hits, PatternTimeoutBudget budget)
    {
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (budget.IsExhaustedBefore(_patterns[i].Binding, hits.Position))
            {
                hits.SkippedPatterns = true;
                hits.RemovePattern(_field, i);
            }
        }
    }

    /// <summary>Scans one text; allocates nothing unless something is found.</summary>
    public void Scan(string text, ref TextHits hits)
    {
        var span = text.AsSpan();
        _terms?.Scan(span, ref hits);
        if (_detectors != PersonalDataKinds.None)
        {
            PersonalDataScanner.Scan(span, _detectors, ref hits);
        }

        if (_links.Length > 0)
        {
            LinkScanner.Scan(span, ref hits);
        }

        for (var i = 0; i < _patterns.Length; i++)
        {
            var (binding, regex) = _patterns[i];
            if (hits.Budget?.IsExhaustedBefore(binding, hits.Position) == true)
            {
                hits.SkippedPatterns = true;
                continue;
            }

            try
            {
                foreach (var match in regex.Current.EnumerateMatches(span))
                {
                    hits.Add(new TextHit(_field, TextHitKind.Pattern, i, match.Index, match.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                hits.Budget?.CountTimeout(binding, regex, hits.Position);
                hits.Add(new TextHit(_field, TextHitKind.PatternTimeout, i, 0, 0));
            }
        }

        // Detectors that name their start characters are skipped, in one search for them all, on text without any.
        if (_custom.Length > 0 && (_customStarts is null || span.IndexOfAny(_customStarts) >= 0))
        {
            for (var i = 0; i < _custom.Length; i++)
            {
                var (_, detector, starts) = _custom[i];
                if (starts is null || span.IndexOfAny(starts) >= 0)
                {
                    try
                    {
                        detector.Detect(span, new TextDetections(ref hits, i, span.Length));
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // A check's own detector that throws is one CR0005 finding, as a check's action is; the run goes on.
                        hits.AddFailure(i, exception);
                    }
                }
            }
        }

        if (_shouting.Length > 0)
        {
            var (letters, capitals) = LetterCounts.Count(span);
            for (var i = 0; i < _shouting.Length; i++)
            {
                var limit = _shouting[i].Limit;
                if (letters >= limit.MinLetters && letters > 0 && capitals > limit.MaxCapitalShare * letters)
                {
                    hits.Add(new TextHit(_field, TextHitKind.Shouting, i, 0, 0, capitals, letters));
                }
            }
        }
    }

    /// <summary>
    /// Says whether a hit can become a finding of a rule in scope: what <see cref="Report"/> would admit, before the
    /// per-post state and the messages. Allocates nothing, so a clean post whose hits no rule reports (an allowed link,
    /// a role mailbox, a short post outside a rule's scope) costs no allocation in the bot.
    /// </summary>
    public bool MayReport(in TextHit hit, string text, in TextRuleSet.ScopeProbe scope)
    {
        switch (hit.Kind)
        {
            case TextHitKind.Term:
                var owners = _terms!.Entries[hit.Id].Owners;
                for (var i = 0; i < owners.Count; i++)
                {
                    if (scope.InScope(((TermOwner)owners[i]).Binding))
                    {
                        return true;
                    }
                }

                return false;
            case TextHitKind.PersonalData:
                var kind = (PersonalDataKinds)hit.Id;
                var raw = hit.Start + hit.Length <= text.Length ? text.AsSpan(hit.Start, hit.Length) : default;
                foreach (var (binding, kinds, emails) in _personalData)
                {
                    if ((kinds & kind) != 0 && !(kind == PersonalDataKinds.Email && emails.Ignores(raw)) && scope.InScope(binding))
                    {
                        return true;
                    }
                }

                return false;
            case TextHitKind.Link:
                var host = text.AsSpan(hit.Value, hit.Extra);
                foreach (var (binding, policy) in _links)
                {
                    if (policy.Domains.Covers(host) != policy.Allow && scope.InScope(binding))
                    {
                        return true;
                    }
                }

                return false;
            case TextHitKind.Pattern or TextHitKind.PatternTimeout:
                return scope.InScope(_patterns[hit.Id].Binding);
            case TextHitKind.Detector or TextHitKind.DetectorFailure:
                return scope.InScope(_custom[hit.Id].Binding);
            case TextHitKind.Shouting:
                return scope.InScope(_shouting[hit.Id].Binding);
            default:
                return true;
        }
    }

    /// <summary>Reports one hit for each rule that owns it; <paramref name="position"/> is the hit's 1-based position as people count.</summary>
    /// <remarks>Each rule is asked first (<see cref="TextRuleSet.Reporter.Admit"/>), so a hit past a rule's cap costs its key only.</remarks>
    public void Report(in TextHit hit, string text, int position, ref TextRuleSet.Reporter reporter)
    {
        var raw = hit.Length > 0 && hit.Start + hit.Length <= text.Length ? text.Substring(hit.Start, hit.Length) : string.Empty;
        switch (hit.Kind)
        {
            case TextHitKind.Term:
                string? match = null;
                foreach (var owner in _terms!.Entries[hit.Id].Owners.Cast<TermOwner>())
                {
                    var term = "term:" + owner.Spec.Term;
                    if (!reporter.Admit(owner.Binding, hit.Field, term))
                    {
                        continue;
                    }

                    // A term found across or inside personal data (a substring term in a number) must not quote it.
                    match ??= EchoedText.Cut(Display(reporter.MaskPersonalData(text, hit.Start, hit.Length)));
                    var suggestion = owner.Spec.Suggestion;
                    var reason = suggestion is null
                        ? $"it contains '{match}' at character {position}"
                        : $"it contains '{match}' at character {position}; write '{suggestion}' instead";
                    reporter.Report(owner.Binding, hit.Field, term, position, [
                        new("term", owner.Spec.Term), new("match", match), new("suggestion", suggestion ?? string.Empty), new("reason", reason)]);
                }

                break;
            case TextHitKind.PersonalData:
                var kind = (PersonalDataKinds)hit.Id;
                string? masked = null;
                var detector = PersonalDataScanner.DisplayNameOf(kind);
                var name = PersonalDataScanner.NameOf(kind);
                foreach (var (binding, kinds, emails) in _personalData)
                {
                    // A role mailbox or a colleague's work address is found by the scan but is not this rule's business.
                    // The same number twice is one finding, two numbers that mask alike are two; the fingerprint sees only the mask.
                    if ((kinds & kind) != 0 && !(kind == PersonalDataKinds.Email && emails.Ignores(raw)) && reporter.Admit(binding, hit.Field, $"{name}:{raw}"))
                    {
                        masked ??= PersonalDataScanner.Mask(kind, raw.AsSpan());
                        var shown = EchoedText.Cut(masked);
                        reporter.Report(binding, hit.Field, $"{name}:{masked}", position, [
                            new("detector", detector), new("value", shown), new("reason", $"it contains {Article(detector)} {detector} ({shown}) at character {position}")]);
                    }
                }

                break;
            case TextHitKind.Link:
                var host = text.AsSpan(hit.Value, hit.Extra);
                string? domain = null;
                foreach (var (binding, policy) in _links)
                {
                    if (policy.Domains.Covers(host) == policy.Allow)
                    {
                        continue;
                    }

                    domain ??= DomainList.DisplayName(host);
                    if (!reporter.Admit(binding, hit.Field, "link:" + domain))
                    {
                        continue;
                    }

                    var reason = policy.Allow
                        ? $"it links to {domain} at character {position}, which is not among the allowed domains"
                        : $"it links to {domain} at character {position}, which is not allowed";
                    reporter.Report(binding, hit.Field, "link:" + domain, position, [new("domain", domain), new("reason", reason)]);
                }

                break;
            case TextHitKind.Pattern:
                ReportPattern(hit, text, PersonalDataRedaction.Redact(Display(raw)), position, ref reporter);
                break;
            case TextHitKind.PatternTimeout:
                reporter.ReportTimeout(_patterns[hit.Id].Binding, _patterns[hit.Id].Regex);
                break;
            case TextHitKind.DetectorFailure:
                reporter.ReportFailure(_custom[hit.Id].Binding, hit.Value);
                break;
            case TextHitKind.Detector:
                var (detectorBinding, custom, _) = _custom[hit.Id];
                var finding = custom.Describe(new TextDetection(hit.Field, text, hit.Start, hit.Length, position));
                if (reporter.Admit(detectorBinding, hit.Field, finding.Key))
                {
                    reporter.Report(detectorBinding, hit.Field, finding.Discriminator, position, [.. finding.Arguments]);
                }

                break;
            case TextHitKind.Shouting:
                var (shoutingBinding, shouting) = _shouting[hit.Id];
                if (!reporter.Admit(shoutingBinding, hit.Field, "shouting"))
                {
                    break;
                }

                var share = Percent((double)hit.Value / hit.Extra);
                var most = Percent(shouting.MaxCapitalShare);
                reporter.Report(shoutingBinding, hit.Field, "shouting", 1, [
                    new("share", share), new("limit", most), new("reason", $"{share} of its letters are capitals; the limit is {most}")]);
                break;
        }
    }

    private void ReportPattern(in TextHit hit, string text, string found, int position, ref TextRuleSet.Reporter reporter)
    {
        var (binding, regex) = _patterns[hit.Id];
        // The pattern itself, not its index among all rules' patterns: another rule's pattern must not move this finding's fingerprint.
        var key = $"pattern:{regex.Pattern}:{found}";
        if (!reporter.Admit(binding, hit.Field, key))
        {
            return;
        }

        var match = EchoedText.Cut(found);
        var arguments = new List<MessageArgument>
        {
            new("match", match),
            new("pattern", regex.Pattern),
            new("reason", $"'{match}' at character {position} matches the pattern {regex.Pattern}"),
        };
        if (regex.GroupNames.Count > 0)
        {
            // Named groups are read only for a match being reported; the scan itself keeps to allocation-free matching.
            var groups = regex.Current.Match(text, hit.Start, hit.Length);
            foreach (var name in regex.GroupNames)
            {
                arguments.Add(new(name, EchoedText.Cut(PersonalDataRedaction.Redact(Display(groups.Groups[name].Value)))));
            }
        }

        reporter.Report(binding, hit.Field, key, position, [.. arguments]);
    }

    /// <summary>Text from a post as a message shows it: on one line, each run of whitespace one space.</summary>
    internal static string Display(string text) =>
        text.AsSpan().IndexOfAny(LineAndTabBreaks) < 0 && !text.Contains("  ", StringComparison.Ordinal)
            ? text
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static readonly System.Buffers.SearchValues<char> LineAndTabBreaks = System.Buffers.SearchValues.Create("\t\r\n\u00A0\u2028\u2029");

    internal static string Article(string noun) => noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} %";

    /// <summary>Counts characters as people see them: a letter with its accent, or an emoji with its skin tone, is one.</summary>
    internal static int CountCharacters(ReadOnlySpan<char> text)
    {
        if (!HasCombiningOrWider(text))
        {
            return text.Length;
        }

        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }

    /// <summary>
    /// Says whether a text has a character from U+0300 up (combining marks, scripts whose letters combine, surrogates):
    /// below it every character is one as people count. Our own vector loop, 32 or 16 characters at a time: in .NET 10
    /// the span range searches (ContainsAnyInRange and kin) allocated on every call.
    /// </summary>
    private static bool HasCombiningOrWider(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                if (Vector512.GreaterThanOrEqualAny(Vector512.LoadUnsafe(ref start, (nuint)i), Vector512.Create((ushort)0x300)))
                {
                    return true;
                }
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                if (Vector256.GreaterThanOrEqualAny(Vector256.LoadUnsafe(ref start, (nuint)i), Vector256.Create((ushort)0x300)))
                {
                    return true;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] >= '\u0300')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The characters any of the detectors' matches can start with.</summary>
    private static SearchValues<char> UnionOf(SearchValues<char>[] sets)
    {
        var all = new List<char>();
        for (var c = char.MinValue; ; c++)
        {
            if (Array.Exists(sets, set => set.Contains(c)))
            {
                all.Add(c);
            }

            if (c == char.MaxValue)
            {
                return SearchValues.Create([.. all]);
            }
        }
    }
}
