enum AnkiPlaceholder {}
