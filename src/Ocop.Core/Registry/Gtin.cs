namespace Ocop.Core.Registry;

/// <summary>GS1 trade item numbers (GTIN-8, -12, -13, -14): digits only, last digit a mod-10 check digit.</summary>
public static class Gtin
{
    private static readonly int[] ValidLengths = [8, 12, 13, 14];

    public static bool IsValid(string? code)
    {
        if (code is null || !ValidLengths.Contains(code.Length) || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        return code[^1] - '0' == CheckDigit(code.AsSpan(0, code.Length - 1));
    }

    /// <summary>The check digit for the digits before it: weights 3,1,3,… from the right.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digitsWithoutCheck)
    {
        var sum = 0;
        for (var i = 0; i < digitsWithoutCheck.Length; i++)
        {
            var digit = digitsWithoutCheck[digitsWithoutCheck.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
