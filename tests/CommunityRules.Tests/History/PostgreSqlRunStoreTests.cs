using CommunityRules.History;
using CommunityRules.History.PostgreSql;
using Npgsql;

namespace CommunityRules.Tests.History;

/// <summary>The history store contract on a real PostgreSQL server the tests start (one database per test), and what only a server can get wrong.</summary>
[Collection(PostgreSqlServerGroup.Name)]
[NeedsPostgreSql]
public sealed class PostgreSqlRunStoreTests(PostgreSqlServer server) : RunStoreContract
{
    private string _connectionString = string.Empty;

    [StoreFact]
    public async Task A_server_that_cannot_be_reached_is_said_in_one_sentence()
    {
        var port = FreePort();

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => PostgreSqlRunStore.OpenAsync($"Host=127.0.0.1;Port={port};Database=reviews;Username=ci;Timeout=5"));

        Assert.StartsWith($"The history store '127.0.0.1:{port}/reviews' cannot be used: the server cannot be reached (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [StoreFact]
    public async Task A_database_that_does_not_exist_is_the_server_s_own_words()
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "no_such_database" };

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => PostgreSqlRunStore.OpenAsync(builder.ConnectionString));

        Assert.EndsWith("cannot be used: the server says: database \"no_such_database\" does not exist (3D000).", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_postgres_url_opens_the_same_store_as_its_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        await Store.RecordAsync(new RunRecord(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "snapshot:x", "h", "1", [], []));

        await using var byUrl = await PostgreSqlRunStore.OpenAsync($"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?Pooling=false");

        Assert.Single(await byUrl.ListRunsAsync());
    }

    [Theory]
    [InlineData("Host=db.example;Database=reviews", true)]
    [InlineData("server=db.example; database=reviews; username=ci", true)]
    [InlineData("postgres://ci@db.example/reviews", true)]
    [InlineData("postgresql://db.example:5433/reviews", true)]
    [InlineData("history.db", false)]
    [InlineData("reviews/Host=odd;name.db", false)]
    [InlineData("/var/lib/reviews/history.db", false)]
    public void A_history_value_is_a_database_only_when_it_reads_as_one(string value, bool isDatabase) =>
        Assert.Equal(isDatabase, PostgreSqlRunStore.IsConnectionString(value));

    [StoreFact]
    public void A_url_s_parts_become_the_connection_string_s_keys()
    {
        var builder = PostgreSqlRunStore.FromUrl("postgres://ci%40corp:s%3Acret@db.example:5433/the%20reviews?sslmode=require");

        Assert.Equal(("db.example", 5433, "the reviews", "ci@corp", "s:cret"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    protected override async Task PrepareAsync()
    {
        if (server.Unavailable is { } reason)
        {
            throw new InvalidOperationException("The PostgreSQL tests need a server: " + reason);
        }

        _connectionString = await server.CreateDatabaseAsync();
    }

    protected override async Task<IRunStore> OpenAsync() => await PostgreSqlRunStore.OpenAsync(_connectionString);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One PostgreSQL server for every test class that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlServerGroup : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL server";
}
