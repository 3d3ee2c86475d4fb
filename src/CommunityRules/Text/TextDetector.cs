using System.Buffers;
using System.Runtime.CompilerServices;
using CommunityRules.Checks;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

/// <summary>
/// Finds things of one kind in text, such as an employee number, as part of the rule set's shared matcher: register it
/// with a <see cref="DetectorContribution"/>. The matcher gives it each field's text and turns what it finds into the
/// rule's findings, with scopes, the cap per post and the field and position, as it does for the built-in checks.
/// </summary>
/// <remarks>
/// <see cref="Detect"/> runs on every post or comment from many threads at once, and for a bot on the hot path:
/// keep no state of a scan in fields, and allocate nothing on text where nothing is found. What is reported is shaped
/// by <see cref="Describe"/>, called only for a match about to be reported.
/// </remarks>
public abstract class TextDetector
{
    /// <summary>Initializes a new instance of the <see cref="TextDetector"/> class.</summary>
    /// <param name="name">What the detector finds, in words for a message, such as <c>employee number</c>.</param>
    protected TextDetector(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Gets what the detector finds, in words: the message argument <c>detector</c>, and part of each finding's fingerprint.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the characters a match can start with, or <see langword="null"/> (the default) when any can. Read once,
    /// when the rule set compiles: the matcher then skips the detector on text without any of them, which costs a
    /// vectorised search instead of a call.
    /// </summary>
    public virtual SearchValues<char>? StartCharacters => null;

    /// <summary>
    /// Gets a value indicating whether what the detector finds is personal data: findings then show it masked by
    /// <see cref="Mask"/>, and the fingerprint sees only the mask. Otherwise a match is shown with any e-mail address,
    /// phone or identity number in it masked. The default is <see langword="false"/>.
    /// </summary>
    public virtual bool FindsPersonalData => false;

    /// <summary>Finds the matches in one field's text and adds each to <paramref name="found"/>.</summary>
    /// <param name="text">The whole text of the field.</param>
    /// <param name="found">Where matches go, by their index and length in <paramref name="text"/>.</param>
    public abstract void Detect(ReadOnlySpan<char> text, TextDetections found);

    /// <summary>
    /// Masks a match for a report when <see cref="FindsPersonalData"/> is set. By default every letter and digit but
    /// the last two becomes '*' (<c>E-1234567</c> is shown as <c>*-*****67</c>).
    /// </summary>
    /// <param name="match">The match as written in the text.</param>
    /// <returns>The match as reports show it.</returns>
    public virtual string Mask(ReadOnlySpan<char> match)
    {
        var masked = match.ToArray();
        var keep = 2;
        for (var i = masked.Length - 1; i >= 0; i--)
        {
            if (char.IsLetterOrDigit(masked[i]) && keep-- <= 0)
            {
                masked[i] = '*';
            }
        }

        return new string(masked);
    }

    /// <summary>
    /// Describes a match about to be reported: what makes it the same thing twice, what tells its finding apart in a
    /// fingerprint, and the message arguments. By default the key is the match, and the arguments are
    /// <c>detector</c> (<see cref="Name"/>), <c>match</c> (masked as <see cref="FindsPersonalData"/> says, cut to 80
    /// characters) and <c>reason</c> ("it contains an employee number (*-*****67) at character 12"). The matcher adds
    /// <c>field</c> (<c>title</c> or <c>text</c>) and <c>position</c> to every finding.
    /// </summary>
    /// <param name="detection">The match, in its field's text.</param>
    /// <returns>The finding's key, discriminator and message arguments.</returns>
    public virtual TextFinding Describe(TextDetection detection)
    {
        var raw = detection.Value;
        var shown = FindsPersonalData ? Mask(raw) : PersonalDataRedaction.Redact(FieldMatcher.Display(raw));
        var cut = EchoedText.Cut(shown);
        return new TextFinding(
            raw,
            $"{Name}:{shown}",
            [new("detector", Name), new("match", cut), new("reason", $"it contains {FieldMatcher.Article(Name)} {Name} ({cut}) at character {detection.Position}")]);
    }
}

/// <summary>Where a <see cref="TextDetector"/> adds what it finds; a view of the scan's hits that allocates nothing until a match is added.</summary>
public readonly ref struct TextDetections
{
    private readonly ref TextHits _hits;
    private readonly int _detector;
    private readonly int _textLength;

    internal TextDetections(ref TextHits hits, int detector, int textLength)
    {
        _hits = ref hits;
        _detector = detector;
        _textLength = textLength;
    }

    /// <summary>Adds a match. A measure of the whole text (too long, say) is a match of length 0 at index 0.</summary>
    /// <param name="start">The match's index in the text.</param>
    /// <param name="length">The match's length.</param>
    public void Add(int start, int length)
    {
        if (Unsafe.IsNullRef(ref _hits))
        {
            throw new InvalidOperationException("Only the matcher makes the list a detector adds to.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, _textLength - length);
        _hits.Add(new TextHit(_hits.Field, TextHitKind.Detector, _detector, start, length));
    }
}

/// <summary>A match of a <see cref="TextDetector"/> about to be reported.</summary>
public readonly struct TextDetection : IEquatable<TextDetection>
{
    internal TextDetection(TextField field, string text, int start, int length, int position)
    {
        Field = field;
        Text = text;
        Start = start;
        Length = length;
        Position = position;
    }

    /// <summary>Gets the field the match is in.</summary>
    public TextField Field { get; }

    /// <summary>Gets the whole text of the field.</summary>
    public string Text { get; }

    /// <summary>Gets the match's index in <see cref="Text"/>.</summary>
    public int Start { get; }

    /// <summary>Gets the match's length.</summary>
    public int Length { get; }

    /// <summary>Gets the match's 1-based position as people count characters (an emoji is one), as messages show it.</summary>
    public int Position { get; }

    /// <summary>Gets the match as written in the text.</summary>
    public string Value => Text.Substring(Start, Length);

    /// <summary>Compares two detections.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are the same match of the same text.</returns>
    public static bool operator ==(TextDetection left, TextDetection right) => left.Equals(right);

    /// <summary>Compares two detections.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TextDetection left, TextDetection right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TextDetection other) =>
        Field == other.Field && ReferenceEquals(Text, other.Text) && Start == other.Start && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextDetection other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Field, Start, Length);
}

/// <summary>What a <see cref="TextDetector"/> says about a match it found, for the finding.</summary>
/// <param name="Key">
/// What makes the match the same thing twice: a rule reports a key once per field of a post. Kept in memory only, so it
/// may be the raw match.
/// </param>
/// <param name="Discriminator">What tells the finding apart in its fingerprint, beside the rule, the item, the field and the position; never a raw personal value.</param>
/// <param name="Arguments">The message arguments; <c>field</c> and <c>position</c> are added to them.</param>
public sealed record TextFinding(string Key, string Discriminator, IReadOnlyList<MessageArgument> Arguments);
