-- Notifications already sent quote identity numbers in the former mask (first six, last four); they now read like
-- every list (first three, last two).
UPDATE platform_notification
SET title = regexp_replace(title, '([0-9]{3})[0-9]{3}\*{8}[0-9]{2}([0-9][0-9X])', '\1*************\2', 'g')
WHERE title ~ '[0-9]{6}\*{8}[0-9]{3}[0-9X]';

UPDATE platform_notification
SET body = regexp_replace(body, '([0-9]{3})[0-9]{3}\*{8}[0-9]{2}([0-9][0-9X])', '\1*************\2', 'g')
WHERE body ~ '[0-9]{6}\*{8}[0-9]{3}[0-9X]';
