namespace InventoryProFlow.Grains.Catalogue;

/// <summary>The GS1 symbology a scanned or typed barcode was read as.</summary>
public enum GtinFormat
{
    UpcA,
    UpcE,
    Ean8,
    Ean13,
    Gtin14,
}

/// <summary>Error codes returned by <see cref="Gtin.Parse"/>.</summary>
public static class GtinErrorCodes
{
    public const string Empty = "BARCODE_EMPTY";
    public const string NotDigits = "BARCODE_NOT_DIGITS";
    public const string Length = "BARCODE_LENGTH";
    public const string CheckDigit = "BARCODE_CHECK_DIGIT";
}

/// <summary>
/// Outcome of <see cref="Gtin.Parse"/>: either a 14-digit GTIN and the format it was read as,
/// or an error code and a message a person can act on.
/// </summary>
public sealed record GtinParseResult(
    bool IsValid,
    string? Gtin14,
    GtinFormat? Format,
    string? ErrorCode,
    string? ErrorMessage)
{
    public static GtinParseResult Success(string gtin14, GtinFormat format) =>
        new(true, gtin14, format, null, null);

    public static GtinParseResult Failure(string errorCode, string errorMessage) =>
        new(false, null, null, errorCode, errorMessage);
}

/// <summary>GS1 barcode validation and normalisation to GTIN-14 (see COMPLIANCE.md, "Product identifiers").</summary>
public static class Gtin
{
    private const string AcceptedLengths =
        "8 (EAN-8 or UPC-E), 11 (UPC-A without its leading zero), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14)";

    /// <summary>
    /// Validates a barcode and normalises it to 14 digits. Surrounding whitespace is ignored;
    /// anything else that is not an ASCII digit is rejected.
    /// </summary>
    public static GtinParseResult Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return GtinParseResult.Failure(GtinErrorCodes.Empty, "Barcode is empty.");
        }

        var code = input.Trim();
        for (var i = 0; i < code.Length; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return GtinParseResult.Failure(GtinErrorCodes.NotDigits, NotDigitsMessage(code[i], i + 1));
            }
        }

        return code.Length switch
        {
            8 => ParseEightDigits(code),
            // The Iowa ABD catalogue stored UPCs as numbers, so UPC-As starting with 0 lost that digit.
            11 => ParseChecked("0" + code, GtinFormat.UpcA, "UPC-A", " (11 digits read as a UPC-A with its leading zero restored)"),
            12 => ParseChecked(code, GtinFormat.UpcA, "UPC-A"),
            13 => ParseChecked(code, GtinFormat.Ean13, "EAN-13"),
            14 => ParseChecked(code, GtinFormat.Gtin14, "GTIN-14"),
            _ => GtinParseResult.Failure(
                GtinErrorCodes.Length,
                $"Barcode has {code.Length} digits; accepted lengths are {AcceptedLengths}."),
        };
    }

    /// <summary>
    /// GS1 check digit of a digit string that does not yet carry one: weights 3,1,3,1... from the right.
    /// </summary>
    /// <exception cref="ArgumentException">The span is empty or holds a non-digit.</exception>
    public static char ComputeCheckDigit(ReadOnlySpan<char> digitsWithoutCheck)
    {
        if (digitsWithoutCheck.IsEmpty)
        {
            throw new ArgumentException("At least one digit is needed.", nameof(digitsWithoutCheck));
        }

        var sum = 0;
        var weight = 3;
        for (var i = digitsWithoutCheck.Length - 1; i >= 0; i--)
        {
            var c = digitsWithoutCheck[i];
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("Only ASCII digits are allowed.", nameof(digitsWithoutCheck));
            }

            sum += (c - '0') * weight;
            weight = 4 - weight;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>
    /// Expands an 8-digit UPC-E (number system 0 or 1, six data digits, check digit) to the 12-digit
    /// UPC-A it stands for. The UPC-E check digit is carried over unchanged, not verified.
    /// </summary>
    /// <exception cref="ArgumentException">Not 8 ASCII digits, or the number system is not 0 or 1.</exception>
    public static string ExpandUpcE(string upcE)
    {
        ArgumentNullException.ThrowIfNull(upcE);
        if (upcE.Length != 8 || !upcE.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A UPC-E must be exactly 8 digits.", nameof(upcE));
        }

        if (upcE[0] is not ('0' or '1'))
        {
            throw new ArgumentException("A UPC-E number system must be 0 or 1.", nameof(upcE));
        }

        var x = upcE.Substring(1, 5);
        var d6 = upcE[6];
        var body = d6 switch
        {
            '0' or '1' or '2' => x[..2] + d6 + "0000" + x[2..],
            '3' => x[..3] + "00000" + x[3..],
            '4' => x[..4] + "00000" + x[4..],
            _ => x + "0000" + d6,
        };

        return upcE[0] + body + upcE[7];
    }

    private static GtinParseResult ParseEightDigits(string code)
    {
        if (code[0] is not ('0' or '1'))
        {
            return ParseChecked(code, GtinFormat.Ean8, "EAN-8");
        }

        // An 8-digit code with number system 0/1 is far more often a UPC-E on a North American shelf.
        var upcA = ExpandUpcE(code);
        var upcEExpected = ComputeCheckDigit(upcA.AsSpan(0, 11));
        if (upcEExpected == code[7])
        {
            return GtinParseResult.Success(upcA.PadLeft(14, '0'), GtinFormat.UpcE);
        }

        var ean8Expected = ComputeCheckDigit(code.AsSpan(0, 7));
        if (ean8Expected == code[7])
        {
            return GtinParseResult.Success(code.PadLeft(14, '0'), GtinFormat.Ean8);
        }

        return GtinParseResult.Failure(
            GtinErrorCodes.CheckDigit,
            $"UPC-E check digit is {code[7]} but should be {upcEExpected}; "
            + $"read as EAN-8 it should be {ean8Expected}.");
    }

    private static GtinParseResult ParseChecked(string code, GtinFormat format, string formatName, string note = "")
    {
        var expected = ComputeCheckDigit(code.AsSpan(0, code.Length - 1));
        var found = code[^1];
        return expected == found
            ? GtinParseResult.Success(code.PadLeft(14, '0'), format)
            : GtinParseResult.Failure(
                GtinErrorCodes.CheckDigit,
                $"{formatName} check digit is {found} but should be {expected}{note}.");
    }

    private static string NotDigitsMessage(char offending, int position) => offending switch
    {
        ' ' or '-' =>
            $"Barcode must be digits only; spaces and hyphens inside the code are not accepted (found '{offending}' at position {position}).",
        _ when char.IsDigit(offending) =>
            $"Barcode must use the ASCII digits 0-9 (found the non-ASCII digit '{offending}' at position {position}).",
        _ when char.IsControl(offending) || char.IsWhiteSpace(offending) =>
            $"Barcode must be digits only (found U+{(int)offending:X4} at position {position}).",
        _ => $"Barcode must be digits only (found '{offending}' at position {position}).",
    };
}
