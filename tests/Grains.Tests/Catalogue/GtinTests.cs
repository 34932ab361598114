using System.Text;
using InventoryProFlow.Grains.Catalogue;

namespace InventoryProFlow.Grains.Tests.Catalogue;

public sealed class GtinTests
{
    [Theory]
    [InlineData("7501031311309", "07501031311309")]
    [InlineData("9780471117094", "09780471117094")]
    public void Valid_EAN13_normalises_to_GTIN14(string input, string expected)
    {
        var result = Gtin.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Gtin14);
        Assert.Equal(GtinFormat.Ean13, result.Format);
        Assert.Null(result.ErrorCode);
        Assert.Null(result.ErrorMessage);
    }

    [Fact]
    public void EAN13_with_wrong_check_digit_is_rejected_naming_found_and_expected_digit()
    {
        var result = Gtin.Parse("7501031311308");

        Assert.False(result.IsValid);
        Assert.Null(result.Gtin14);
        Assert.Null(result.Format);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal("EAN-13 check digit is 8 but should be 9.", result.ErrorMessage);
    }

    [Fact]
    public void Valid_EAN8_normalises_to_GTIN14()
    {
        var result = Gtin.Parse("73513537");

        Assert.True(result.IsValid);
        Assert.Equal("00000073513537", result.Gtin14);
        Assert.Equal(GtinFormat.Ean8, result.Format);
    }

    [Fact]
    public void EAN8_with_wrong_check_digit_is_rejected()
    {
        var result = Gtin.Parse("73513538");

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal("EAN-8 check digit is 8 but should be 7.", result.ErrorMessage);
    }

    [Fact]
    public void Valid_GTIN14_is_kept_as_is()
    {
        var result = Gtin.Parse("98412345678908");

        Assert.True(result.IsValid);
        Assert.Equal("98412345678908", result.Gtin14);
        Assert.Equal(GtinFormat.Gtin14, result.Format);
    }

    [Fact]
    public void GTIN14_with_wrong_check_digit_is_rejected()
    {
        var result = Gtin.Parse("98412345678901");

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal("GTIN-14 check digit is 1 but should be 8.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("619947000013", "00619947000013")]
    [InlineData("835229000308", "00835229000308")]
    [InlineData("080432500170", "00080432500170")]
    public void Valid_UPCA_normalises_to_GTIN14(string input, string expected)
    {
        var result = Gtin.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Gtin14);
        Assert.Equal(GtinFormat.UpcA, result.Format);
    }

    [Fact]
    public void UPCA_with_wrong_check_digit_is_rejected()
    {
        var result = Gtin.Parse("619947000014");

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal("UPC-A check digit is 4 but should be 3.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("88004022723", "00088004022723")]
    [InlineData("88004144678", "00088004144678")]
    [InlineData("80432500170", "00080432500170")]
    public void Iowa_11_digit_UPC_is_read_as_UPCA_with_its_leading_zero_restored(string input, string expected)
    {
        var result = Gtin.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Gtin14);
        Assert.Equal(GtinFormat.UpcA, result.Format);
    }

    [Fact]
    public void Iowa_11_digit_UPC_with_wrong_check_digit_explains_the_restored_zero()
    {
        var result = Gtin.Parse("88004022724");

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal(
            "UPC-A check digit is 4 but should be 3 (11 digits read as a UPC-A with its leading zero restored).",
            result.ErrorMessage);
    }

    [Theory]
    [InlineData("05096893", "050968000093")]
    [InlineData("12345670", "123456000070")]
    public void UPCE_expands_to_the_UPCA_from_COMPLIANCE(string upcE, string upcA)
    {
        Assert.Equal(upcA, Gtin.ExpandUpcE(upcE));

        var result = Gtin.Parse(upcE);
        Assert.True(result.IsValid);
        Assert.Equal(GtinFormat.UpcE, result.Format);
        Assert.Equal("00" + upcA, result.Gtin14);
    }

    [Theory]
    [InlineData("01234505", "012000003455")]
    [InlineData("01234514", "012100003454")]
    [InlineData("01234523", "012200003453")]
    [InlineData("01234531", "012300000451")]
    [InlineData("01234543", "012340000053")]
    [InlineData("06543217", "065100004327")]
    public void UPCE_expansion_follows_the_rule_for_each_last_data_digit(string upcE, string upcA)
    {
        Assert.Equal(upcA, Gtin.ExpandUpcE(upcE));

        var result = Gtin.Parse(upcE);
        Assert.True(result.IsValid);
        Assert.Equal(GtinFormat.UpcE, result.Format);
        Assert.Equal("00" + upcA, result.Gtin14);
    }

    [Fact]
    public void Eight_digits_starting_0_that_fail_UPCE_but_pass_EAN8_are_EAN8()
    {
        var result = Gtin.Parse("07654329");

        Assert.True(result.IsValid);
        Assert.Equal(GtinFormat.Ean8, result.Format);
        Assert.Equal("00000007654329", result.Gtin14);
    }

    [Fact]
    public void Eight_digits_starting_0_that_fail_both_checks_name_UPCE_and_EAN8()
    {
        var result = Gtin.Parse("07654320");

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal("UPC-E check digit is 0 but should be 5; read as EAN-8 it should be 9.", result.ErrorMessage);
    }

    [Fact]
    public void UPCE_vector_with_wrong_check_digit_is_rejected()
    {
        var result = Gtin.Parse("05096894");

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
        Assert.Equal("UPC-E check digit is 4 but should be 3; read as EAN-8 it should be 3.", result.ErrorMessage);
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        var result = Gtin.Parse(" \t7501031311309\n ");

        Assert.True(result.IsValid);
        Assert.Equal("07501031311309", result.Gtin14);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Empty_input_is_BARCODE_EMPTY(string? input)
    {
        var result = Gtin.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Gtin14);
        Assert.Null(result.Format);
        Assert.Equal("BARCODE_EMPTY", result.ErrorCode);
        Assert.Equal("Barcode is empty.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("750-1031311309", '-', 4)]
    [InlineData("7501031 311309", ' ', 8)]
    public void Spaces_and_hyphens_inside_the_code_are_not_accepted(string input, char offending, int position)
    {
        var result = Gtin.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_NOT_DIGITS", result.ErrorCode);
        Assert.Equal(
            $"Barcode must be digits only; spaces and hyphens inside the code are not accepted (found '{offending}' at position {position}).",
            result.ErrorMessage);
    }

    [Theory]
    [InlineData("75010313113O9", "Barcode must be digits only (found 'O' at position 12).")]
    [InlineData("abc", "Barcode must be digits only (found 'a' at position 1).")]
    [InlineData("7501031311309\u00A0x", "Barcode must be digits only (found U+00A0 at position 14).")]
    [InlineData("\u0667\u0665\u0660\u0661", "Barcode must use the ASCII digits 0-9 (found the non-ASCII digit '\u0667' at position 1).")]
    public void Non_digit_characters_are_BARCODE_NOT_DIGITS(string input, string message)
    {
        var result = Gtin.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_NOT_DIGITS", result.ErrorCode);
        Assert.Equal(message, result.ErrorMessage);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1234567", 7)]
    [InlineData("123456789", 9)]
    [InlineData("1234567890", 10)]
    [InlineData("123456789012345", 15)]
    public void Unsupported_length_is_BARCODE_LENGTH_listing_accepted_lengths(string input, int length)
    {
        var result = Gtin.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal("BARCODE_LENGTH", result.ErrorCode);
        Assert.Equal(
            $"Barcode has {length} digits; accepted lengths are 8 (EAN-8 or UPC-E), 11 (UPC-A without its leading zero), "
            + "12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14).",
            result.ErrorMessage);
    }

    [Theory]
    [InlineData("750103131130", '9')]
    [InlineData("978047111709", '4')]
    [InlineData("9841234567890", '8')]
    [InlineData("7351353", '7')]
    [InlineData("12345600007", '0')]
    public void ComputeCheckDigit_matches_the_GS1_vectors(string digits, char expected)
    {
        Assert.Equal(expected, Gtin.ComputeCheckDigit(digits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    public void ComputeCheckDigit_rejects_empty_or_non_digit_input(string digits)
    {
        Assert.Throws<ArgumentException>(() => Gtin.ComputeCheckDigit(digits));
    }

    [Theory]
    [InlineData("2345678")]
    [InlineData("123456789")]
    [InlineData("23456789")]
    [InlineData("0123456x")]
    public void ExpandUpcE_rejects_anything_but_8_digits_with_number_system_0_or_1(string upcE)
    {
        Assert.Throws<ArgumentException>(() => Gtin.ExpandUpcE(upcE));
    }

    [Fact]
    public void Every_demo_UPC_parses_as_a_valid_UPCA()
    {
        var upcs = DemoUpcs();

        // The brief asks for at least 200 real barcodes; fewer would mean the slice lost rows.
        Assert.True(upcs.Count >= 200, $"only {upcs.Count} UPCs in the demo catalogue");
        foreach (var upc in upcs)
        {
            var result = Gtin.Parse(upc);
            Assert.True(result.IsValid, $"{upc}: {result.ErrorMessage}");
            Assert.Equal(GtinFormat.UpcA, result.Format);
            Assert.Equal("00" + upc, result.Gtin14);
        }
    }

    [Fact]
    public void Demo_UPCs_without_their_leading_zero_give_the_same_GTIN14()
    {
        var zeroLed = DemoUpcs().Where(u => u[0] == '0').ToList();

        Assert.NotEmpty(zeroLed);
        foreach (var upc in zeroLed)
        {
            Assert.Equal("00" + upc, Gtin.Parse(upc[1..]).Gtin14);
        }
    }

    [Fact]
    public void Any_other_check_digit_on_a_demo_UPC_is_rejected()
    {
        foreach (var upc in DemoUpcs().Take(200))
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == upc[^1])
                {
                    continue;
                }

                var result = Gtin.Parse(upc[..^1] + d);
                Assert.False(result.IsValid);
                Assert.Equal("BARCODE_CHECK_DIGIT", result.ErrorCode);
            }
        }
    }

    private static List<string> DemoUpcs()
    {
        var assembly = typeof(Gtin).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Single(n => n.EndsWith(".DemoData.products.csv", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var header = SplitCsvLine(reader.ReadLine()!);
        var upcColumn = header.IndexOf("upc");
        Assert.True(upcColumn >= 0, "products.csv has no upc column");

        var upcs = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var upc = SplitCsvLine(line)[upcColumn];
            if (upc.Length > 0)
            {
                upcs.Add(upc);
            }
        }

        return upcs;
    }

    // Names and suppliers may be quoted (commas inside); the demo rows never span lines.
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
