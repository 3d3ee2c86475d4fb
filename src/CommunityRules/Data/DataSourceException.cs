namespace CommunityRules.Data;

/// <summary>A data source cannot be read at all: its folder is missing, or a file cannot be opened.</summary>
public sealed class DataSourceException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DataSourceException"/> class.</summary>
    public DataSourceException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DataSourceException"/> class.</summary>
    /// <param name="message">What is wrong, in plain words.</param>
    public DataSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DataSourceException"/> class.</summary>
    /// <param name="message">What is wrong, in plain words.</param>
    /// <param name="innerException">The cause.</param>
    public DataSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
