using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PlanLang.Engine.Access;
using PlanLang.Engine.Events;
using PlanLang.Service.Data;

namespace PlanLang.Service.Accounts;

/// <summary>
/// Accounts in the service database, passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, rehashed when Identity raises its work factor). After <see cref="MaxFailures"/> wrong passwords in a row
/// an account is locked for <see cref="LockoutSpan"/>; an unknown person costs the same hashing as a known one, so the
/// answer's timing does not tell which people have accounts.
/// </summary>
public sealed class AccountStore(ServiceDatabase database, TimeProvider clock)
{
    public const int MaxFailures = 5;

    public const int MinPasswordLength = 10;

    public static readonly TimeSpan LockoutSpan = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<string> Hasher = new();

    // Verified against when the person is unknown, so that answer takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(string.Empty, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public Account? Find(string person)
    {
        using var connection = database.Open();
        using var read = ServiceDatabase.Command(connection, "SELECT person, kind, disabled, failures, locked_until, stamp FROM accounts WHERE person = @p", null, ("@p", person));
        using var r = read.ExecuteReader();
        return r.Read()
            ? new Account(
                r.GetString(0),
                Account.ParseKind(r.GetString(1)) ?? CallerKind.Observer,
                Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture) != 0,
                Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? null : EventTime.Parse(r.GetString(4)),
                r.GetString(5))
            : null;
    }

    /// <summary>Creates the account; false when the person has one.</summary>
    public bool Add(string person, string password, CallerKind kind)
    {
        try
        {
            var hash = Hasher.HashPassword(person, password);
            var (stamp, now) = (NewStamp(), Now());
            return database.Write((connection, tx) => ServiceDatabase.Execute(
                connection,
                "INSERT INTO accounts (person, hash, kind, disabled, failures, stamp, updated_at) VALUES (@p, @h, @k, 0, 0, @s, @u)",
                tx,
                ("@p", person),
                ("@h", hash),
                ("@k", Account.KindName(kind)),
                ("@s", stamp),
                ("@u", now)) == 1);
        }
        catch (System.Data.Common.DbException e) when (ServiceDatabase.IsDuplicateKey(e))
        {
            return false;
        }
    }

    /// <summary>Sets a new password, clears a lockout and ends every session; false when there is no such account.</summary>
    public bool SetPassword(string person, string password) => Update(
        "UPDATE accounts SET hash = @h, failures = 0, locked_until = NULL, stamp = @s, updated_at = @u WHERE person = @p",
        ("@p", person), ("@h", Hasher.HashPassword(person, password)), ("@s", NewStamp()), ("@u", Now()));

    /// <summary>Disables (or enables) the account; disabling ends every session at its next request.</summary>
    public bool SetDisabled(string person, bool disabled) => Update(
        "UPDATE accounts SET disabled = @d, stamp = @s, updated_at = @u WHERE person = @p",
        ("@p", person), ("@d", disabled ? 1 : 0), ("@s", NewStamp()), ("@u", Now()));

    public bool SetKind(string person, CallerKind kind) => Update(
        "UPDATE accounts SET kind = @k, updated_at = @u WHERE person = @p", ("@p", person), ("@k", Account.KindName(kind)), ("@u", Now()));

    /// <summary>Checks a password, counting failures and locking the account after <see cref="MaxFailures"/> of them.
    /// The hash is checked outside any transaction (it takes tens of milliseconds, and writers would wait for it); the
    /// count is moved inside one, so that attempts at once each count.</summary>
    public (SignInResult Result, Account? Account) SignIn(string person, string password)
    {
        string? hash;
        using (var connection = database.Open())
        using (var read = ServiceDatabase.Command(connection, "SELECT hash FROM accounts WHERE person = @p", null, ("@p", person)))
        {
            hash = read.ExecuteScalar() as string;
        }

        var account = hash is null ? null : Find(person);
        var now = clock.GetUtcNow();
        if (account is null || hash is null)
        {
            Hasher.VerifyHashedPassword(string.Empty, DecoyHash, password);
            return (SignInResult.WrongPassword, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            return (SignInResult.LockedOut, account);
        }

        var verified = Hasher.VerifyHashedPassword(person, hash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var lockedNow = database.Write((connection, tx) =>
            {
                using var read = ServiceDatabase.Command(connection, "SELECT failures FROM accounts WHERE person = @p", tx, ("@p", person));
                var failures = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
                var locked = failures >= MaxFailures ? EventTime.Format(now + LockoutSpan) : null;
                ServiceDatabase.Execute(connection, "UPDATE accounts SET failures = @f, locked_until = @l, updated_at = @u WHERE person = @p", tx, ("@p", person), ("@f", locked is null ? failures : 0), ("@l", locked), ("@u", EventTime.Format(now)));
                return locked is not null;
            });
            return (lockedNow ? SignInResult.LockedOut : SignInResult.WrongPassword, account);
        }

        if (account.Disabled)
        {
            return (SignInResult.Disabled, account);
        }

        var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(person, password) : hash;
        // Only over the hash that was checked: a password changed meanwhile is not put back, and this sign-in fails.
        var kept = database.Write((connection, tx) => ServiceDatabase.Execute(connection, "UPDATE accounts SET failures = 0, locked_until = NULL, hash = @h, updated_at = @u WHERE person = @p AND hash = @old", tx, ("@p", person), ("@h", rehash), ("@u", EventTime.Format(now)), ("@old", hash)));
        return kept == 1 ? (SignInResult.Succeeded, account with { Failures = 0, LockedUntil = null }) : (SignInResult.WrongPassword, null);
    }

    private bool Update(string sql, params (string, object?)[] parameters) =>
        database.Write((connection, tx) => ServiceDatabase.Execute(connection, sql, tx, parameters)) == 1;

    private string Now() => EventTime.Format(clock.GetUtcNow());

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
