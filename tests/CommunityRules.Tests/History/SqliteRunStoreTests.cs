using CommunityRules.History;
using CommunityRules.History.Sqlite;
using Microsoft.Data.Sqlite;

namespace CommunityRules.Tests.History;

/// <summary>The history store contract on a SQLite file, and what only a file can get wrong.</summary>
public sealed class SqliteRunStoreTests : RunStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-history-").FullName;

    private string StorePath => Path.Combine(_folder, "history.db");

    [Fact]
    public async Task The_file_is_in_write_ahead_log_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_file_in_a_folder_that_does_not_exist_is_refused_in_one_sentence()
    {
        var path = Path.Combine(_folder, "missing", "history.db");

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => SqliteRunStore.OpenAsync(path));

        Assert.Equal($"The history store '{path}' cannot be created: the folder '{Path.Combine(_folder, "missing")}' does not exist.", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_as_it_was()
    {
        var path = Path.Combine(_folder, "notes.txt");
        var text = string.Concat(Enumerable.Repeat("These are the review notes, not a database.\n", 200));
        await File.WriteAllTextAsync(path, text);

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => SqliteRunStore.OpenAsync(path));

        Assert.Equal($"The history store '{path}' cannot be used: it is not a SQLite database (is it another kind of file?).", error.Message);
        Assert.Equal(text, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_missing_file_is_not_created_when_only_reading()
    {
        var path = Path.Combine(_folder, "other.db");

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => SqliteRunStore.OpenAsync(path, createIfMissing: false));

        Assert.StartsWith($"The history store '{path}' does not exist;", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_folder_is_refused()
    {
        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => SqliteRunStore.OpenAsync(_folder));

        Assert.Equal($"The history store '{_folder}' is a folder; name a file, such as history.db.", error.Message);
    }

    protected override string SchemaIdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    protected override string SchemaTimestampType => "TEXT";

    protected override async Task<IRunStore> OpenAsync() => await SqliteRunStore.OpenAsync(StorePath);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override Task CleanUpAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
