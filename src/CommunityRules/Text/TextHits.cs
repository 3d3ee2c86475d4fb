using System.Runtime.InteropServices;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

internal enum TextHitKind
{
    /// <summary>A <see cref="TextDetector"/> threw; first among a field's hits at its start, so the rule is skipped from there.</summary>
    DetectorFailure,
    Term,
    PersonalData,
    Link,
    Pattern,
    PatternTimeout,

    /// <summary>A match of a <see cref="TextDetector"/>, such as a text that is too long.</summary>
    Detector,
    Shouting,
}

/// <summary>
/// One thing a scan found. <see cref="Id"/> is the term entry, the personal-data kind, or the index of the rule's
/// pattern, detector or shouting slot in its field; <see cref="Value"/> and <see cref="Extra"/> carry the link's host
/// span or the capital and letter counts.
/// </summary>
internal readonly record struct TextHit(TextField Field, TextHitKind Kind, int Id, int Start, int Length, int Value = 0, int Extra = 0);

/// <summary>
/// Collects what one post's scan finds. A struct, and its list is made on the first find, so a clean post costs no
/// allocation; the engine reuses one buffer per thread.
/// </summary>
internal struct TextHits : ITermSink, IPersonalDataSink, ILinkSink
{
    private List<TextHit>? _hits;

    /// <param name="reusable">A list to fill, cleared first; or <see langword="null"/> to make one on the first find.</param>
    public TextHits(List<TextHit>? reusable)
    {
        _hits = reusable;
        _hits?.Clear();
    }

    private TextHits(List<TextHit> found, bool keep)
    {
        _hits = keep ? found : null;
    }

    /// <summary>Gets the hits an earlier scan left in a list, as the engine's batches hand them on.</summary>
    public static TextHits Of(List<TextHit> found) => new(found, keep: true);

    /// <summary>Gets or sets the run's count of pattern timeouts, or <see langword="null"/> for a post checked on its own.</summary>
    public PatternTimeoutBudget? Budget { get; set; }

    /// <summary>Gets or sets the text's place in the run's read order, by which the <see cref="Budget"/> is counted.</summary>
    public long Position { get; set; }

    /// <summary>Gets or sets a value indicating whether the scan left out the patterns of a rule that used up its <see cref="Budget"/>.</summary>
    public bool SkippedPatterns { get; set; }

    /// <summary>Gets or sets what the detectors that threw in this scan threw, or <see langword="null"/> (nearly always).</summary>
    public List<Exception>? Failures { get; set; }

    /// <summary>Gets or sets the field being scanned.</summary>
    public TextField Field { get; set; }

    public readonly int Count => _hits?.Count ?? 0;

    public readonly ReadOnlySpan<TextHit> AsSpan() => _hits is null ? default : CollectionsMarshal.AsSpan(_hits);

    public void Add(TextHit hit) => (_hits ??= []).Add(hit);

    /// <summary>Leaves out the hits of one pattern of a field: its rule's budget ran out before this text.</summary>
    public readonly void RemovePattern(TextField field, int pattern) =>
        _hits?.RemoveAll(hit => hit.Field == field && hit.Id == pattern && hit.Kind is TextHitKind.Pattern or TextHitKind.PatternTimeout);

    public void AddFailure(int detector, Exception exception)
    {
        (Failures ??= []).Add(exception);
        Add(new TextHit(Field, TextHitKind.DetectorFailure, detector, 0, 0, Failures.Count - 1));
    }

    public void OnTerm(int entry, int start, int length) => Add(new TextHit(Field, TextHitKind.Term, entry, start, length));

    public void Add(PersonalDataMatch match) => Add(new TextHit(Field, TextHitKind.PersonalData, (int)match.Kind, match.Start, match.Length));

    public void Add(LinkMatch link) => Add(new TextHit(Field, TextHitKind.Link, 0, link.Start, link.Length, link.HostStart, link.HostLength));

    /// <summary>Orders the hits by field and position, so findings come out in reading order.</summary>
    public readonly void Sort() => _hits?.Sort(static (a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
}
