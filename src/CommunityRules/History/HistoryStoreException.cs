namespace CommunityRules.History;

/// <summary>
/// A history store cannot be used: its file cannot be opened, its server cannot be reached, it holds something that
/// is not a CommunityRules history, or a newer CommunityRules wrote its schema. The message is one plain sentence.
/// </summary>
public sealed class HistoryStoreException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HistoryStoreException"/> class.</summary>
    public HistoryStoreException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HistoryStoreException"/> class.</summary>
    /// <param name="message">What is wrong, in plain words.</param>
    public HistoryStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HistoryStoreException"/> class.</summary>
    /// <param name="message">What is wrong, in plain words.</param>
    /// <param name="innerException">The database driver's error.</param>
    public HistoryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
