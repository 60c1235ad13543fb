//! ISO 4217 currency codes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::BadText;

/// The active ISO 4217 codes, sorted, so that a typo such as `USS` is caught.
const ISO_CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU",
    "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW",
    "ZWG", "ZWL",
];

/// Currencies with a sign everyone reads, and the sign.
pub const SYMBOLS: [(&str, &str); 8] = [
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("RUB", "₽"),
    ("INR", "₹"),
    ("KRW", "₩"),
    ("UAH", "₴"),
];

/// An ISO 4217 currency code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");

    /// Reads a code such as `eur` or `EUR`; anything that is not an ISO 4217 code is refused.
    pub fn parse(text: &str) -> Option<Currency> {
        let upper = text.trim().to_ascii_uppercase();
        let index = ISO_CODES.binary_search(&upper.as_str()).ok()?;
        let bytes = ISO_CODES[index].as_bytes();
        Some(Currency([bytes[0], bytes[1], bytes[2]]))
    }

    pub fn code(&self) -> &str {
        // Only codes from the ISO list are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// How many digits follow the decimal point (ISO 4217 minor unit).
    pub fn exponent(&self) -> u32 {
        match self.code() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF"
            | "UGX" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }

    /// The currency's well-known sign (`$`, `€`, `₽`), if it has one. A sign is the same in
    /// every language; where it goes is the language's (see `text::money`).
    pub fn symbol(&self) -> Option<&'static str> {
        SYMBOLS
            .iter()
            .find(|(code, _)| *code == self.code())
            .map(|(_, symbol)| *symbol)
    }

    /// The currency whose sign is `symbol`: `₽` is RUB.
    pub fn from_symbol(symbol: &str) -> Option<Currency> {
        SYMBOLS
            .iter()
            .find(|(_, s)| *s == symbol)
            .and_then(|(code, _)| Currency::parse(code))
    }

    /// Minor units in one unit: 100 for EUR, 1 for JPY, 1000 for KWD.
    pub(super) fn scale(&self) -> super::Minor {
        super::Minor::pow(10, self.exponent())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::super::bad_text::read_text(d, |text| {
            Currency::parse(text).ok_or_else(|| BadText::currency(text.to_string()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_iso_codes_are_currencies() {
        assert!(
            ISO_CODES.windows(2).all(|w| w[0] < w[1]),
            "sorted for the binary search"
        );
        assert_eq!(
            Currency::parse(" usd ").map(|c| c.to_string()),
            Some("USD".into())
        );
        for bad in ["USS", "EURO", "", "12", "€"] {
            assert_eq!(Currency::parse(bad), None, "{bad}");
        }
    }
}
