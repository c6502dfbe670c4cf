"""Pure helpers with no models and no request: Vietnamese text, numbers and dates."""
